package org.coordscope.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coordscope.explore.Activity;
import org.coordscope.explore.ClusterGraph;

/** The report's pictures as inline SVG: the cluster's graph (a force-directed layout) and its activity timeline. */
final class Pictures {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    static final int LABELS = 10;
    private static final int ITERATIONS = 250;
    private static final String[] PALETTE = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9"};

    private Pictures() {}

    /**
     * The members and their links laid out by Fruchterman–Reingold (1991) from a circle, deterministic: O(iterations ×
     * n²) for the at most {@link CaseReport#MEMBERS} nodes drawn. Members of the cluster blue, neighbours grey; the
     * {@value #LABELS} strongest named.
     */
    static String graph(ClusterGraph g, String clusterId) {
        List<ClusterGraph.GraphNode> nodes = g.nodes();
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).id(), i);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * i / Math.max(1, n)) * WIDTH / 3;
            y[i] = Math.sin(2 * Math.PI * i / Math.max(1, n)) * HEIGHT / 3;
        }
        double k = Math.sqrt((double) WIDTH * HEIGHT / Math.max(1, n)) * 0.6;
        double temperature = WIDTH / 10.0;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d2 = Math.max(0.01, ex * ex + ey * ey);
                    double f = k * k / d2; // repulsion k²/d, over d for the unit vector
                    dx[i] += ex * f;
                    dy[i] += ey * f;
                    dx[j] -= ex * f;
                    dy[j] -= ey * f;
                }
            }
            for (ClusterGraph.GraphEdge e : g.edges()) {
                Integer a = index.get(e.source());
                Integer b = index.get(e.target());
                if (a == null || b == null) {
                    continue;
                }
                double ex = x[a] - x[b];
                double ey = y[a] - y[b];
                double d = Math.max(0.1, Math.sqrt(ex * ex + ey * ey));
                double f = d / k; // attraction d²/k, over d
                dx[a] -= ex * f;
                dy[a] -= ey * f;
                dx[b] += ex * f;
                dy[b] += ey * f;
            }
            for (int i = 0; i < n; i++) {
                double d = Math.max(0.01, Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]));
                double step = Math.min(d, temperature);
                x[i] += dx[i] / d * step - x[i] * 0.01; // a little gravity keeps loose parts near
                y[i] += dy[i] / d * step - y[i] * 0.01;
            }
            temperature *= 0.98;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double margin = 40;
        double sx = (WIDTH - 2 * margin) / Math.max(1, maxX - minX);
        double sy = (HEIGHT - 2 * margin) / Math.max(1, maxY - minY);
        double scale = Math.min(sx, sy);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = margin + (x[i] - minX) * scale + (WIDTH - 2 * margin - (maxX - minX) * scale) / 2;
            py[i] = margin + (y[i] - minY) * scale + (HEIGHT - 2 * margin - (maxY - minY) * scale) / 2;
        }
        double maxWeight = g.edges().stream()
                .mapToDouble(ClusterGraph.GraphEdge::weight)
                .max()
                .orElse(1);
        Map<String, String> signalColour = new HashMap<>();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                        + " data-testid=\"graph\"><title>Cluster %s: %d accounts, %d links</title>"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                CaseReport.escape(clusterId),
                n,
                g.edges().size()));
        for (ClusterGraph.GraphEdge e : g.edges()) {
            Integer a = index.get(e.source());
            Integer b = index.get(e.target());
            if (a == null || b == null) {
                continue;
            }
            String signal = e.signals().isEmpty() ? "" : e.signals().get(0);
            String colour = signalColour.computeIfAbsent(signal, s -> PALETTE[signalColour.size() % PALETTE.length]);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.35\""
                            + " stroke-width=\"%.2f\"/>\n",
                    px[a],
                    py[a],
                    px[b],
                    py[b],
                    colour,
                    0.5 + 2.5 * e.weight() / maxWeight));
        }
        List<Integer> strongest = java.util.stream.IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> {
                            Double s = nodes.get(i).score();
                            return s == null ? -1 : s;
                        })
                        .reversed())
                .limit(LABELS)
                .toList();
        for (int i = 0; i < n; i++) {
            ClusterGraph.GraphNode node = nodes.get(i);
            double r = 3 + 5 * (node.score() == null ? 0 : node.score());
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#fff\"><title>%s</title></circle>\n",
                    px[i],
                    py[i],
                    r,
                    node.inCluster() ? "#2f5bd3" : "#9aa3b2",
                    CaseReport.escape(label(node))));
        }
        for (int i : strongest) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#1d2433\" paint-order=\"stroke\" stroke=\"#fff\""
                            + " stroke-width=\"3\">%s</text>\n",
                    px[i] + 8,
                    py[i] + 4,
                    CaseReport.escape(label(nodes.get(i)))));
        }
        // the legend: edge colour by main signal
        int ly = 18;
        for (Map.Entry<String, String> e : signalColour.entrySet()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"10\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"30\" y=\"%d\""
                            + " font-size=\"12\" fill=\"#5b6474\">%s</text>\n",
                    ly - 4,
                    e.getValue(),
                    ly,
                    CaseReport.escape(e.getKey().isEmpty() ? "link" : e.getKey())));
            ly += 16;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String label(ClusterGraph.GraphNode node) {
        return "\u2068" + (node.screenName() != null ? "@" + node.screenName() : node.id()) + "\u2069"; // FSI … PDI
    }

    /** Posts per bucket as bars, with the span's dates under them. */
    static String timeline(Activity a) {
        if (a.counts().isEmpty()) {
            return "<p class=\"meta\">No dated posts.</p>\n";
        }
        int w = 900;
        int h = 140;
        long max =
                Math.max(1, a.counts().stream().mapToLong(Long::longValue).max().orElse(1));
        double bw = (double) w / a.counts().size();
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                        + " data-testid=\"timeline\"><title>Posts of the members over time</title>"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
                w,
                h + 20,
                w,
                h + 20));
        for (int i = 0; i < a.counts().size(); i++) {
            double bh = (double) a.counts().get(i) / max * (h - 4);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2f5bd3\"><title>%d posts from %s"
                            + "</title></rect>\n",
                    i * bw + 0.5,
                    h - bh,
                    Math.max(1, bw - 1),
                    bh,
                    a.counts().get(i),
                    Instant.parse(a.from()).plusSeconds(i * a.bucketSeconds())));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"2\" y=\"%d\" font-size=\"11\" fill=\"#5b6474\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#5b6474\" text-anchor=\"end\">%s</text>\n",
                h + 15,
                a.from(),
                w - 2,
                h + 15,
                a.to()));
        return svg.append("</svg>\n<p class=\"meta\">")
                .append(a.counts().stream().mapToLong(Long::longValue).sum())
                .append(" posts, ")
                .append(a.bucketSeconds())
                .append(" s a bar.</p>\n")
                .toString();
    }
}
