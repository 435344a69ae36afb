package org.coordscope.report;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.detect.DetectionResult;
import org.coordscope.detect.store.DetectionStore;
import org.coordscope.explore.Activity;
import org.coordscope.explore.ClusterGraph;
import org.coordscope.explore.ClusterService;
import org.coordscope.explore.EvidenceCards;
import org.coordscope.explore.GraphService;
import org.coordscope.triage.Mark;
import org.coordscope.web.Page;
import org.coordscope.web.SpreadsheetSafe;
import org.springframework.stereotype.Service;

/**
 * A case report for one cluster, to hand to someone without the tool: one self-contained HTML file (styles inline, the
 * graph and the activity timeline as inline SVG, no script, nothing fetched) with the summary, the reasons, the graph,
 * the activity over time, the member table, evidence cards of the strongest links, the run's parameters and who
 * generated it when; and the member table as a spreadsheet-safe CSV ({@link SpreadsheetSafe}) to go beside it. User
 * text is HTML-escaped and right-to-left runs are isolated ({@code <bdi>}), a hashtag's sign kept on its word's side.
 */
@Service
public class CaseReport {

    /** Members drawn in the graph picture and listed in the member table (the strongest first). */
    static final int MEMBERS = 200;
    /** Links whose evidence cards the report shows, the heaviest first, and cards per link. */
    static final int EVIDENCE_LINKS = 5;

    static final int EVIDENCE_CARDS = 3;

    static final List<String> CSV_HEADER = List.of(
            "rank",
            "account_id",
            "screen_name",
            "score",
            "strength",
            "created_at",
            "reasons",
            "mark",
            "mark_note",
            "assignee",
            "allowlisted");

    /** Runs of right-to-left letters (Hebrew, Arabic, Persian …) with the spaces, digits and marks between them. */
    private static final Pattern RTL = Pattern.compile(
            "(#?)([\\p{IsHebrew}\\p{IsArabic}\\p{IsSyriac}\\p{IsThaana}\\p{IsNko}](?:[\\p{IsHebrew}\\p{IsArabic}"
                    + "\\p{IsSyriac}\\p{IsThaana}\\p{IsNko}\\p{M}\\d_\\s\\u200c\\u200d]*[\\p{IsHebrew}\\p{IsArabic}"
                    + "\\p{IsSyriac}\\p{IsThaana}\\p{IsNko}\\p{M}\\d_])?)");

    private final ClusterService clusters;
    private final GraphService graphs;
    private final EvidenceCards cards;
    private final DetectionStore runs;

    public CaseReport(ClusterService clusters, GraphService graphs, EvidenceCards cards, DetectionStore runs) {
        this.clusters = clusters;
        this.graphs = graphs;
        this.cards = cards;
        this.runs = runs;
    }

    /** The report as one HTML document, generated now by {@code user}. */
    public String html(String clusterId, String user) {
        ClusterService.ClusterDetail detail = clusters.detail(clusterId, Page.Request.of(0, MEMBERS));
        ClusterService.ClusterSummary s = detail.summary();
        ClusterGraph graph = graphs.cluster(clusterId, MEMBERS, 5_000);
        Activity activity = clusters.activity(clusterId, 60);
        DetectionResult run = runs.resolve(s.run(), null);
        String title = s.name() != null ? s.name() : "Cluster " + s.id();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Case report: ")
                .append(escape(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>Case report: ").append(text(title)).append("</h1>\n");
        out.append("<p class=\"meta\" data-testid=\"generated\">Generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by ")
                .append(text(user))
                .append(" with CoordScope · cluster <code>")
                .append(escape(s.id()))
                .append("</code></p>\n");

        out.append("<h2>Summary</h2>\n<table class=\"facts\">\n");
        fact(out, "dataset", escape(s.dataset()));
        fact(out, "run", escape(s.run()) + " (started " + escape(run.startedAt()) + ")");
        fact(
                out,
                "score",
                String.format(Locale.ROOT, "%.2f", s.score())
                        + (s.score() >= s.suspectThreshold()
                                ? " — suspect (threshold " + String.format(Locale.ROOT, "%.2f", s.suspectThreshold())
                                        + ")"
                                : " — below the suspect threshold "
                                        + String.format(Locale.ROOT, "%.2f", s.suspectThreshold())));
        fact(out, "accounts", Long.toString(s.size()));
        fact(out, "signals", escape(String.join(", ", s.signals())));
        fact(out, "accounts created", escape(day(s.createdFrom()) + " – " + day(s.createdTo())));
        fact(out, "triage", mark(s.mark()));
        out.append("</table>\n");

        out.append("<h2>Why it was flagged</h2>\n<ul data-testid=\"reasons\">\n");
        for (String reason : detail.reasons().isEmpty() ? s.reasons() : detail.reasons()) {
            out.append("<li>").append(text(reason)).append("</li>\n");
        }
        out.append("</ul>\n");
        if (!detail.topObjects().isEmpty()) {
            out.append("<h3>What they acted on together</h3>\n<table>\n<tr><th>kind</th><th>object</th>"
                    + "<th class=\"num\">accounts</th><th class=\"num\">actions</th><th>from – to</th></tr>\n");
            for (ClusterService.TopObject o : detail.topObjects()) {
                out.append("<tr><td>")
                        .append(escape(o.kind()))
                        .append("</td><td>")
                        .append(object(o.kind(), o.object()))
                        .append("</td><td class=\"num\">")
                        .append(o.accounts())
                        .append("</td><td class=\"num\">")
                        .append(o.actions())
                        .append("</td><td>")
                        .append(escape(o.firstAt()))
                        .append(" – ")
                        .append(escape(o.lastAt()))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }

        out.append("<h2>Graph</h2>\n");
        out.append(Pictures.graph(graph, s.id()));
        out.append("<p class=\"meta\">")
                .append(graph.nodes().size())
                .append(" accounts and ")
                .append(graph.edges().size())
                .append(" coordination links")
                .append(graph.truncated() ? " (the strongest; the cluster has more)" : "")
                .append("; the ten strongest accounts are named; edge width by weight.</p>\n");

        out.append("<h2>Activity over time</h2>\n").append(Pictures.timeline(activity));

        out.append(
                "<h2>Members</h2>\n<table data-testid=\"members\">\n<tr><th class=\"num\">rank</th><th>account</th><th>platform</th>"
                        + "<th class=\"num\">score</th><th class=\"num\">strength</th><th>created</th><th>evidence</th>"
                        + "<th>triage</th></tr>\n");
        int rank = 1;
        for (ClusterService.Member m : detail.members().items()) {
            out.append("<tr><td class=\"num\">")
                    .append(rank++)
                    .append("</td><td>")
                    .append(account(m.screenName(), m.accountId()))
                    .append("</td><td>")
                    .append(escape(m.platform() == null ? "—" : m.platform()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f", m.score()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f", m.strength()))
                    .append("</td><td>")
                    .append(escape(day(m.createdAt())))
                    .append("</td><td>")
                    .append(text(String.join("; ", m.reasons())))
                    .append("</td><td>")
                    .append(mark(m.mark()))
                    .append(m.allowlisted() ? " allowlisted" : "")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (detail.members().total() > detail.members().items().size()) {
            out.append("<p class=\"meta\">The ")
                    .append(detail.members().items().size())
                    .append(" strongest of ")
                    .append(detail.members().total())
                    .append(" members; the CSV beside this report lists them with the same columns.</p>\n");
        }

        out.append("<h2>Evidence: the strongest links</h2>\n");
        List<ClusterGraph.GraphEdge> edges = graph.edges().stream()
                .filter(e -> inCluster(graph, e.source()) && inCluster(graph, e.target()))
                .limit(EVIDENCE_LINKS)
                .toList();
        Map<String, ClusterGraph.GraphNode> nodes = new HashMap<>();
        graph.nodes().forEach(n -> nodes.put(n.id(), n));
        for (ClusterGraph.GraphEdge e : edges) {
            Page<EvidenceCards.Card> page =
                    cards.edge(s.run(), e.source(), e.target(), s.dataset(), Page.Request.of(0, EVIDENCE_CARDS));
            out.append("<h3>")
                    .append(account(nodes.get(e.source()).screenName(), e.source()))
                    .append(" and ")
                    .append(account(nodes.get(e.target()).screenName(), e.target()))
                    .append(" <span class=\"meta\">weight ")
                    .append(String.format(Locale.ROOT, "%.2f", e.weight()))
                    .append(", ")
                    .append(page.total())
                    .append(" shared objects, the newest ")
                    .append(page.items().size())
                    .append(" shown</span></h3>\n");
            for (EvidenceCards.Card c : page.items()) {
                card(out, c, nodes.get(e.source()).screenName(), e.source());
            }
        }

        out.append("<h2>Run parameters</h2>\n<pre data-testid=\"params\">")
                .append(escape(run.params() == null ? "(not recorded)" : parameters(run.params())))
                .append("</pre>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** The member table as CSV, every text cell spreadsheet-safe; all members, strongest first. */
    public String csv(String clusterId) {
        StringWriter out = new StringWriter();
        try (SpreadsheetSafe csv = SpreadsheetSafe.csv(out, CSV_HEADER)) {
            int rank = 1;
            for (int p = 0; ; p++) {
                Page<ClusterService.Member> page = clusters.detail(clusterId, Page.Request.of(p, Page.MAX_SIZE))
                        .members();
                for (ClusterService.Member m : page.items()) {
                    csv.row(
                            rank++,
                            m.accountId(),
                            m.screenName(),
                            m.score(),
                            m.strength(),
                            m.createdAt(),
                            String.join("; ", m.reasons()),
                            m.mark() == null ? null : m.mark().status(),
                            m.mark() == null ? null : m.mark().note(),
                            m.mark() == null ? null : m.mark().assignee(),
                            m.allowlisted());
                }
                if ((long) (p + 1) * Page.MAX_SIZE >= page.total()
                        || page.items().isEmpty()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a CSV to memory failed", e);
        }
        return out.toString();
    }

    private static boolean inCluster(ClusterGraph graph, String id) {
        return graph.nodes().stream().anyMatch(n -> n.id().equals(id) && n.inCluster());
    }

    private static void card(StringBuilder out, EvidenceCards.Card c, String aName, String aId) {
        out.append("<div class=\"card\" data-testid=\"evidence-card\"><p><strong>")
                .append(escape(c.signal()))
                .append("</strong> ")
                .append(object(c.signal(), c.object()))
                .append(c.gapSeconds() == null ? "" : " <span class=\"meta\">" + c.gapSeconds() + " s apart</span>")
                .append("</p>\n<div class=\"posts\">");
        post(out, account(aName, aId), c.postA(), c.timeA());
        post(out, account(c.coActorScreenName(), c.coActorId()), c.postB(), c.timeB());
        out.append("</div></div>\n");
    }

    private static void post(StringBuilder out, String who, EvidenceCards.Post p, String time) {
        out.append("<div class=\"post\"><p class=\"meta\">")
                .append(who)
                .append(" · ")
                .append(escape(time));
        if (p != null && p.source() != null) {
            out.append(" · <code>").append(escape(p.source())).append("</code>");
        }
        if (p != null && p.url() != null) {
            out.append(" · <a href=\"").append(escape(p.url())).append("\">open</a>");
        }
        out.append("</p>");
        if (p == null) {
            out.append("<p class=\"meta\">(the post is not in the dataset)</p>");
        } else {
            out.append("<p dir=\"auto\" class=\"text\">")
                    .append(escape(p.text()))
                    .append("</p>");
            if (p.original() != null) {
                out.append("<p class=\"meta\">original by ")
                        .append(account(
                                p.original().authorScreenName(), p.original().authorId()))
                        .append(":</p><blockquote dir=\"auto\">")
                        .append(escape(p.original().text()))
                        .append("</blockquote>");
            }
        }
        out.append("</div>");
    }

    private static void fact(StringBuilder out, String name, String html) {
        out.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static String mark(Mark m) {
        if (m == null) {
            return "—";
        }
        return escape(m.status().replace('_', ' '))
                + (m.carriedFrom() == null ? "" : " (carried over from " + escape(m.carriedFrom()) + ")")
                + (m.assignee() == null ? "" : ", assigned to " + text(m.assignee()))
                + (m.note() == null || m.note().isBlank() ? "" : ": " + text(m.note()));
    }

    private static String object(String kind, String object) {
        if ("co-hashtag".equals(kind)) {
            return hashtag(object.startsWith("#") ? object.substring(1) : object);
        }
        return "<bdi>" + escape(object) + "</bdi>";
    }

    private static String account(String screenName, String id) {
        return screenName == null
                ? "<bdi>" + escape(id) + "</bdi>"
                : "<bdi dir=\"ltr\">@<bdi>" + escape(screenName) + "</bdi></bdi>";
    }

    private static String hashtag(String word) {
        return "<bdi dir=\"ltr\" class=\"hashtag\">#<bdi>" + escape(word) + "</bdi></bdi>";
    }

    /**
     * English with user text inside (a reason, a name): escaped, each right-to-left run isolated in {@code <bdi>}, a
     * {@code #} before one kept on its left.
     */
    static String text(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = RTL.matcher(message);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(message.substring(last, m.start())));
            out.append(m.group(1).isEmpty() ? "<bdi>" + escape(m.group(2)) + "</bdi>" : hashtag(m.group(2)));
            last = m.end();
        }
        return out.append(escape(message.substring(last))).toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String day(String iso) {
        return iso == null ? "—" : iso.substring(0, Math.min(10, iso.length()));
    }

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,"Segoe UI",Roboto,"Vazirmatn","Noto Sans Arabic",sans-serif,"Noto Color Emoji";
            color:#1d2433;max-width:1100px;margin:2rem auto;padding:0 1.5rem}
            h1{font-size:1.5rem;margin:0}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #dde1e7}
            h3{font-size:1rem;margin:1.2rem 0 .4rem}.meta{color:#5b6474;font-size:.9em}
            table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #dde1e7;
            padding:.25rem .5rem;text-align:start;vertical-align:top}.num{text-align:end}
            table.facts th{width:12rem;color:#5b6474;font-weight:normal}
            .card{border:1px solid #dde1e7;border-radius:6px;padding:.4rem .8rem;margin:.5rem 0}
            .posts{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.text{white-space:pre-wrap;margin:.2rem 0}
            blockquote{margin:.2rem 0;padding-inline-start:.6rem;border-inline-start:3px solid #dde1e7}
            svg{max-width:100%;height:auto;border:1px solid #dde1e7;border-radius:6px}
            pre{background:#f5f6f8;padding:.6rem;white-space:pre-wrap;word-break:break-all}
            """;

    /** The run's parameters, one {@code name = value} a line, in the order the run recorded them. */
    private static String parameters(Map<String, Object> params) {
        StringBuilder text = new StringBuilder();
        params.forEach(
                (name, value) -> text.append(name).append(" = ").append(value).append('\n'));
        return text.toString();
    }
}
