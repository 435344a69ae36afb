package org.coordscope.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of a clustering with a reference partition of the same items: purity, normalised mutual
 * information and the adjusted Rand index, from one contingency table.
 *
 * <ul>
 *   <li><b>purity</b> = Σ over clusters of its largest reference class / n: size-weighted by construction, so a
 *       large mixed cluster costs in proportion to its size; {@link #purityOfClustersOfAtLeast} drops the small
 *       clusters to show that they alone do not make the figure;</li>
 *   <li><b>NMI</b> = 2 I(C; K) / (H(C) + H(K)) (arithmetic normalisation, scikit-learn's default); 1 when both
 *       partitions have a single block;</li>
 *   <li><b>ARI</b> (Hubert &amp; Arabie 1985) = (Σ C(n_ij, 2) − E) / (½ (Σ C(a_i, 2) + Σ C(b_j, 2)) − E) with
 *       E = Σ C(a_i, 2) Σ C(b_j, 2) / C(n, 2): 0 for chance, 1 for identical partitions.</li>
 * </ul>
 *
 * @param items items compared (those with a label in both partitions)
 */
record PartitionAgreement(int items, double purity, double nmi, double ari, Map<String, Map<String, Integer>> table) {

    /** Compares {@code clusters} (item → cluster) with {@code reference} (item → class) on the items both label. */
    static PartitionAgreement of(Map<String, String> clusters, Map<String, String> reference) {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (Map.Entry<String, String> e : clusters.entrySet()) {
            String k = reference.get(e.getKey());
            if (k != null) {
                table.computeIfAbsent(e.getValue(), x -> new TreeMap<>()).merge(k, 1, Integer::sum);
            }
        }
        Map<String, Integer> byClass = new HashMap<>();
        int n = 0;
        int majority = 0;
        double sumCells = 0;
        double sumRows = 0;
        for (Map<String, Integer> row : table.values()) {
            int size = 0;
            int max = 0;
            for (Map.Entry<String, Integer> cell : row.entrySet()) {
                size += cell.getValue();
                max = Math.max(max, cell.getValue());
                byClass.merge(cell.getKey(), cell.getValue(), Integer::sum);
                sumCells += pairs(cell.getValue());
            }
            n += size;
            majority += max;
            sumRows += pairs(size);
        }
        if (n == 0) {
            return new PartitionAgreement(0, 0, 0, 0, table);
        }
        double sumCols = 0;
        double hClasses = 0;
        for (int b : byClass.values()) {
            sumCols += pairs(b);
            hClasses -= (double) b / n * Math.log((double) b / n);
        }
        double hClusters = 0;
        double mi = 0;
        for (Map<String, Integer> row : table.values()) {
            int size = row.values().stream().mapToInt(Integer::intValue).sum();
            hClusters -= (double) size / n * Math.log((double) size / n);
            for (Map.Entry<String, Integer> cell : row.entrySet()) {
                double pij = (double) cell.getValue() / n;
                mi += pij * Math.log(pij / ((double) size / n * byClass.get(cell.getKey()) / n));
            }
        }
        double nmi = hClusters + hClasses == 0 ? 1 : 2 * mi / (hClusters + hClasses);
        double expected = n < 2 ? 0 : sumRows * sumCols / pairs(n);
        double max = (sumRows + sumCols) / 2;
        double ari = max == expected ? 1 : (sumCells - expected) / (max - expected);
        return new PartitionAgreement(n, (double) majority / n, Math.max(0, nmi), ari, table);
    }

    /** Purity over the clusters of at least {@code minSize} compared items; NaN when there are none. */
    double purityOfClustersOfAtLeast(int minSize) {
        int n = 0;
        int majority = 0;
        for (Map<String, Integer> row : table.values()) {
            int size = row.values().stream().mapToInt(Integer::intValue).sum();
            if (size >= minSize) {
                n += size;
                majority +=
                        row.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            }
        }
        return n == 0 ? Double.NaN : (double) majority / n;
    }

    /** Cluster sizes (compared items) in bins 3-4, 5-9, 10-19, 20-49, 50+ (and 1-2), as "bin: count". */
    String sizeDistribution() {
        int[] bounds = {1, 3, 5, 10, 20, 50, Integer.MAX_VALUE};
        String[] names = {"1-2", "3-4", "5-9", "10-19", "20-49", "50+"};
        int[] counts = new int[names.length];
        for (Map<String, Integer> row : table.values()) {
            int size = row.values().stream().mapToInt(Integer::intValue).sum();
            for (int b = 0; b < names.length; b++) {
                if (size >= bounds[b] && size < bounds[b + 1]) {
                    counts[b]++;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < names.length; b++) {
            if (counts[b] > 0) {
                s.append(s.length() == 0 ? "" : ", ")
                        .append(names[b])
                        .append(": ")
                        .append(counts[b]);
            }
        }
        return s.toString();
    }

    private static double pairs(int k) {
        return (double) k * (k - 1) / 2; // k * (k - 1) overflows int past 46,341 items
    }
}
