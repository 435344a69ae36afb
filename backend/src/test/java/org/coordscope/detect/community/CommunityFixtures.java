package org.coordscope.detect.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.generate.PlantedPartitionGraphGenerator;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.WeightedPseudograph;
import org.jgrapht.util.SupplierUtil;

/** Small graphs with known communities, and checks on clusterings, for the community tests. */
final class CommunityFixtures {

    private CommunityFixtures() {}

    static Graph<Integer, DefaultWeightedEdge> simpleGraph() {
        return new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    }

    static Graph<Integer, DefaultWeightedEdge> pseudograph() {
        return new WeightedPseudograph<>(DefaultWeightedEdge.class);
    }

    static void addEdge(Graph<Integer, DefaultWeightedEdge> g, int u, int v, double w) {
        g.addVertex(u);
        g.addVertex(v);
        DefaultWeightedEdge e = g.addEdge(u, v);
        g.setEdgeWeight(e, w);
    }

    /** Adds a clique on {@code first .. first+size-1} with unit weights. */
    static void addClique(Graph<Integer, DefaultWeightedEdge> g, int first, int size) {
        for (int i = first; i < first + size; i++) {
            g.addVertex(i);
            for (int j = first; j < i; j++) {
                addEdge(g, i, j, 1d);
            }
        }
    }

    /** Two 5-cliques, {0..4} and {5..9}, joined by the edge 4–5. */
    static Graph<Integer, DefaultWeightedEdge> twoCliquesAndABridge() {
        Graph<Integer, DefaultWeightedEdge> g = simpleGraph();
        addClique(g, 0, 5);
        addClique(g, 5, 5);
        addEdge(g, 4, 5, 1d);
        return g;
    }

    /**
     * A ring of {@code count} cliques of {@code size} vertices, clique {@code i} being
     * {@code i*size .. i*size+size-1}, its first vertex joined by one edge to the last vertex of the next.
     */
    static Graph<Integer, DefaultWeightedEdge> ringOfCliques(int count, int size) {
        Graph<Integer, DefaultWeightedEdge> g = simpleGraph();
        for (int i = 0; i < count; i++) {
            addClique(g, i * size, size);
        }
        for (int i = 0; i < count; i++) {
            int next = (i + 1) % count;
            addEdge(g, i * size, next * size + size - 1, 1d);
        }
        return g;
    }

    static List<Set<Integer>> ringCliques(int count, int size) {
        List<Set<Integer>> cliques = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<Integer> clique = new LinkedHashSet<>();
            for (int v = i * size; v < i * size + size; v++) {
                clique.add(v);
            }
            cliques.add(clique);
        }
        return cliques;
    }

    /** A planted partition graph and its planted groups. */
    record Planted(Graph<Integer, DefaultWeightedEdge> graph, List<Set<Integer>> groups) {}

    static Planted plantedPartition(int groups, int groupSize, double pIn, double pOut, long seed) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultWeightedEdgeSupplier());
        PlantedPartitionGraphGenerator<Integer, DefaultWeightedEdge> generator =
                new PlantedPartitionGraphGenerator<>(groups, groupSize, pIn, pOut, seed);
        generator.generateGraph(g);
        return new Planted(g, generator.getCommunities());
    }

    /** Clusters of the clustering that do not induce a connected subgraph. */
    static <V, E> List<Set<V>> disconnectedClusters(Graph<V, E> g, List<Set<V>> clusters) {
        List<Set<V>> bad = new ArrayList<>();
        for (Set<V> cluster : clusters) {
            if (cluster.size() > 1 && !new ConnectivityInspector<>(new AsSubgraph<>(g, cluster)).isConnected()) {
                bad.add(cluster);
            }
        }
        return bad;
    }

    /** Normalised mutual information of two partitions of the same set, {@code 2 I / (H1 + H2)}. */
    static <V> double nmi(List<Set<V>> a, List<Set<V>> b) {
        Map<V, Integer> labelA = labels(a);
        Map<V, Integer> labelB = labels(b);
        double n = labelA.size();
        Map<Long, Integer> joint = new HashMap<>();
        for (Map.Entry<V, Integer> e : labelA.entrySet()) {
            long key = ((long) e.getValue() << 32) | labelB.get(e.getKey());
            joint.merge(key, 1, Integer::sum);
        }
        double mutual = 0d;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            double pab = e.getValue() / n;
            double pa = a.get((int) (e.getKey() >>> 32)).size() / n;
            double pb = b.get((int) (e.getKey() & 0xffffffffL)).size() / n;
            mutual += pab * Math.log(pab / (pa * pb));
        }
        double ha = entropy(a, n);
        double hb = entropy(b, n);
        return ha + hb == 0d ? 1d : 2d * mutual / (ha + hb);
    }

    private static <V> double entropy(List<Set<V>> partition, double n) {
        double h = 0d;
        for (Set<V> s : partition) {
            double p = s.size() / n;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static <V> Map<V, Integer> labels(List<Set<V>> partition) {
        Map<V, Integer> labels = new HashMap<>();
        for (int i = 0; i < partition.size(); i++) {
            for (V v : partition.get(i)) {
                labels.put(v, i);
            }
        }
        return labels;
    }
}
