package org.coordscope.detect.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.coordscope.detect.community.CommunityFixtures.addClique;
import static org.coordscope.detect.community.CommunityFixtures.addEdge;
import static org.coordscope.detect.community.CommunityFixtures.disconnectedClusters;
import static org.coordscope.detect.community.CommunityFixtures.nmi;
import static org.coordscope.detect.community.CommunityFixtures.plantedPartition;
import static org.coordscope.detect.community.CommunityFixtures.pseudograph;
import static org.coordscope.detect.community.CommunityFixtures.ringCliques;
import static org.coordscope.detect.community.CommunityFixtures.ringOfCliques;
import static org.coordscope.detect.community.CommunityFixtures.simpleGraph;
import static org.coordscope.detect.community.CommunityFixtures.twoCliquesAndABridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.coordscope.detect.community.CommunityFixtures.Planted;
import org.coordscope.detect.community.LeidenClustering.Quality;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.Clustering;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeidenClusteringTest {

    private static <V, E> LeidenClustering<V, E> leiden(Graph<V, E> g, double gamma, Quality quality, long seed) {
        return new LeidenClustering<>(g, gamma, new Random(seed), quality);
    }

    private static <V, E> double measuredModularity(Graph<V, E> g, List<Set<V>> clusters) {
        return new UndirectedModularityMeasurer<>(g).modularity(clusters);
    }

    @ParameterizedTest
    @EnumSource(Quality.class)
    void twoCliquesJoinedByABridgeAreTheTwoClusters(Quality quality) {
        Graph<Integer, DefaultWeightedEdge> g = twoCliquesAndABridge();
        double gamma = quality == Quality.CPM ? 0.5 : 1d;

        Clustering<Integer> clustering = leiden(g, gamma, quality, 7).getClustering();

        assertThat(clustering.getClusters()).containsExactly(Set.of(0, 1, 2, 3, 4), Set.of(5, 6, 7, 8, 9));
    }

    @Test
    void qualityOfTwoCliquesIsKnown() {
        Graph<Integer, DefaultWeightedEdge> g = twoCliquesAndABridge();
        // m = 21; each clique has 10 inside and degree sum 21.
        double modularity = 2 * (10d / 21 - 0.25);
        // CPM, gamma 0.5: each clique 10 - 0.5 * 10.
        assertThat(leiden(g, 1d, Quality.MODULARITY, 1).getQuality()).isCloseTo(modularity, within(1e-12));
        assertThat(leiden(g, 0.5, Quality.CPM, 1).getQuality()).isCloseTo(10d, within(1e-12));
    }

    @Test
    void heavyEdgesDecide() {
        Graph<Integer, DefaultWeightedEdge> g = simpleGraph();
        addEdge(g, 0, 1, 10d);
        addEdge(g, 1, 2, 1d);
        addEdge(g, 2, 3, 10d);
        addEdge(g, 3, 0, 1d);

        assertThat(leiden(g, 1d, Quality.MODULARITY, 3).getClustering().getClusters())
                .containsExactly(Set.of(0, 1), Set.of(2, 3));
    }

    @Test
    void cpmSeparatesTheCliquesOfARingWhereModularityMergesThem() {
        int count = 30;
        Graph<Integer, DefaultWeightedEdge> g = ringOfCliques(count, 5);
        List<Set<Integer>> cliques = ringCliques(count, 5);

        // The resolution limit: with 30 cliques of 5, pairing neighbouring cliques has higher modularity
        // than the cliques themselves (pairs win for more than 22 cliques).
        List<Set<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < count; i += 2) {
            Set<Integer> pair = new HashSet<>(cliques.get(i));
            pair.addAll(cliques.get(i + 1));
            pairs.add(pair);
        }
        assertThat(measuredModularity(g, pairs)).isGreaterThan(measuredModularity(g, cliques));

        List<Set<Integer>> byModularity =
                leiden(g, 1d, Quality.MODULARITY, 11).getClustering().getClusters();
        assertThat(byModularity).hasSizeLessThan(count);
        for (Set<Integer> cluster : byModularity) { // unions of whole cliques
            assertThat(cliques.stream()
                            .filter(c -> !Collections.disjoint(c, cluster))
                            .allMatch(cluster::containsAll))
                    .isTrue();
        }

        for (long seed = 0; seed < 5; seed++) {
            assertThat(leiden(g, 0.5, Quality.CPM, seed).getClustering().getClusters())
                    .containsExactlyElementsOf(cliques);
        }
    }

    @Test
    void higherModularityResolutionAlsoSeparatesTheRing() {
        Graph<Integer, DefaultWeightedEdge> g = ringOfCliques(30, 5);

        assertThat(leiden(g, 2d, Quality.MODULARITY, 5).getClustering().getClusters())
                .containsExactlyElementsOf(ringCliques(30, 5));
    }

    @ParameterizedTest
    @EnumSource(Quality.class)
    void disjointComponentsAreNeverMerged(Quality quality) {
        Graph<Integer, DefaultWeightedEdge> g = pseudograph();
        addClique(g, 0, 3);
        addClique(g, 3, 4);
        addEdge(g, 7, 8, 1d);
        addEdge(g, 8, 9, 1d);
        addEdge(g, 10, 10, 2d); // only a self-loop
        g.addVertex(11); // isolated
        addEdge(g, 12, 13, 0.001);
        // CPM with a tiny resolution would merge anything connected, so only components hold it back.
        double gamma = quality == Quality.CPM ? 1e-6 : 1d;

        for (long seed = 0; seed < 5; seed++) {
            List<Set<Integer>> clusters =
                    leiden(g, gamma, quality, seed).getClustering().getClusters();
            List<Set<Integer>> components = new ConnectivityInspector<>(g).connectedSets();
            for (Set<Integer> cluster : clusters) {
                assertThat(components).anyMatch(c -> c.containsAll(cluster));
            }
            if (quality == Quality.CPM) {
                assertThat(new HashSet<>(clusters)).isEqualTo(new HashSet<>(components));
            }
        }
    }

    @Test
    void communitiesAreConnectedOnSparseRandomGraphs() {
        for (long seed = 0; seed < 6; seed++) {
            Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(
                    SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultWeightedEdgeSupplier());
            new GnpRandomGraphGenerator<Integer, DefaultWeightedEdge>(2000, 2.5 / 2000, seed).generateGraph(g);
            Random weights = new Random(seed);
            for (DefaultWeightedEdge e : g.edgeSet()) {
                g.setEdgeWeight(e, 0.1 + weights.nextDouble());
            }
            for (Quality quality : Quality.values()) {
                double gamma = quality == Quality.CPM ? 0.05 : 1d;
                List<Set<Integer>> clusters =
                        leiden(g, gamma, quality, seed).getClustering().getClusters();
                assertThat(disconnectedClusters(g, clusters))
                        .as("seed %d, %s", seed, quality)
                        .isEmpty();
            }
        }
    }

    @Test
    void plantedPartitionIsRecoveredInConnectedCommunities() {
        for (long seed = 0; seed < 4; seed++) {
            Planted planted = plantedPartition(20, 150, 0.1, 0.002, seed);
            LeidenClustering<Integer, DefaultWeightedEdge> leiden =
                    leiden(planted.graph(), 1d, Quality.MODULARITY, seed);
            List<Set<Integer>> clusters = leiden.getClustering().getClusters();

            assertThat(disconnectedClusters(planted.graph(), clusters)).isEmpty();
            assertThat(nmi(clusters, planted.groups())).as("seed %d", seed).isGreaterThan(0.95);
            assertThat(leiden.getQuality()).isCloseTo(measuredModularity(planted.graph(), clusters), within(1e-9));
            assertThat(leiden.getQuality())
                    .isGreaterThanOrEqualTo(measuredModularity(planted.graph(), planted.groups()) - 1e-9);
        }
    }

    @Test
    void cpmOnThePlantedPartitionGivesConnectedDenseCommunities() {
        Planted planted = plantedPartition(20, 150, 0.1, 0.002, 3);
        List<Set<Integer>> clusters =
                leiden(planted.graph(), 0.05, Quality.CPM, 3).getClustering().getClusters();

        assertThat(disconnectedClusters(planted.graph(), clusters)).isEmpty();
        assertThat(nmi(clusters, planted.groups())).isGreaterThan(0.9);
    }

    @Test
    void beatsLabelPropagationOnThePlantedPartition() {
        for (long seed = 0; seed < 3; seed++) {
            // Noisier groups, so that the two methods differ.
            Planted planted = plantedPartition(30, 100, 0.08, 0.01, seed);
            Graph<Integer, DefaultWeightedEdge> g = planted.graph();
            double leiden = leiden(g, 1d, Quality.MODULARITY, seed).getQuality();
            double labelPropagation = measuredModularity(
                    g,
                    new LabelPropagationClustering<>(g, new Random(seed))
                            .getClustering()
                            .getClusters());

            assertThat(leiden).as("seed %d", seed).isGreaterThanOrEqualTo(labelPropagation);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1d, 2d})
    void reportedModularityIsTheMeasuredOneWithSelfLoopsAndParallelEdges(double gamma) {
        Graph<Integer, DefaultWeightedEdge> g = pseudograph();
        Random random = new Random(99);
        for (int i = 0; i < 300; i++) {
            int u = random.nextInt(60);
            int v = random.nextInt(60);
            if (u / 10 == v / 10 || random.nextInt(4) == 0) {
                addEdge(g, u, v, 0.5 + random.nextInt(4)); // self-loops and parallel edges included
            }
        }
        addEdge(g, 5, 5, 3d);
        addEdge(g, 5, 5, 1d);

        LeidenClustering<Integer, DefaultWeightedEdge> leiden = leiden(g, gamma, Quality.MODULARITY, 2);
        List<Set<Integer>> clusters = leiden.getClustering().getClusters();

        if (gamma == 1d) {
            assertThat(leiden.getQuality()).isCloseTo(measuredModularity(g, clusters), within(1e-12));
        } else {
            assertThat(leiden.getQuality()).isCloseTo(modularity(g, clusters, gamma), within(1e-12));
        }
        assertThat(disconnectedClusters(g, clusters)).isEmpty();
    }

    /** Modularity with resolution, straight from the definition, as a check for gamma != 1. */
    private static double modularity(Graph<Integer, DefaultWeightedEdge> g, List<Set<Integer>> clusters, double gamma) {
        double m = g.edgeSet().stream().mapToDouble(g::getEdgeWeight).sum();
        double q = 0d;
        for (Set<Integer> c : clusters) {
            double inside = 0d;
            double degree = 0d;
            for (DefaultWeightedEdge e : g.edgeSet()) {
                int s = g.getEdgeSource(e);
                int t = g.getEdgeTarget(e);
                double w = g.getEdgeWeight(e);
                if (c.contains(s) && c.contains(t)) {
                    inside += w;
                }
                degree += (c.contains(s) ? w : 0d) + (c.contains(t) ? w : 0d);
            }
            q += inside / m - gamma * (degree / (2 * m)) * (degree / (2 * m));
        }
        return q;
    }

    @Test
    void sameSeedSameClustering() {
        Planted planted = plantedPartition(10, 100, 0.08, 0.02, 1);
        for (Quality quality : Quality.values()) {
            double gamma = quality == Quality.CPM ? 0.05 : 1d;
            List<Set<Integer>> first =
                    leiden(planted.graph(), gamma, quality, 42).getClustering().getClusters();
            List<Set<Integer>> second =
                    leiden(planted.graph(), gamma, quality, 42).getClustering().getClusters();

            assertThat(second).isEqualTo(first);
            assertThat(second.stream().map(ArrayList::new).toList())
                    .isEqualTo(first.stream().map(ArrayList::new).toList()); // same iteration order too
        }
    }

    @Test
    void resultIsImmutableAndCached() {
        LeidenClustering<Integer, DefaultWeightedEdge> leiden =
                leiden(twoCliquesAndABridge(), 1d, Quality.MODULARITY, 1);
        Clustering<Integer> clustering = leiden.getClustering();

        assertThat(leiden.getClustering()).isSameAs(clustering);
        assertThatThrownBy(() -> clustering.getClusters().add(Set.of(99)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> clustering.getClusters().get(0).add(99))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void degenerateGraphs() {
        Graph<Integer, DefaultWeightedEdge> empty = simpleGraph();
        assertThat(leiden(empty, 1d, Quality.MODULARITY, 1).getClustering().getNumberClusters())
                .isZero();

        Graph<Integer, DefaultWeightedEdge> edgeless = simpleGraph();
        edgeless.addVertex(1);
        edgeless.addVertex(2);
        LeidenClustering<Integer, DefaultWeightedEdge> modularity = leiden(edgeless, 1d, Quality.MODULARITY, 1);
        assertThat(modularity.getClustering().getClusters()).containsExactly(Set.of(1), Set.of(2));
        assertThat(modularity.getQuality()).isNaN();
        assertThat(leiden(edgeless, 1d, Quality.CPM, 1).getQuality()).isZero();

        Graph<Integer, DefaultWeightedEdge> zeroWeights = simpleGraph();
        addEdge(zeroWeights, 1, 2, 0d);
        assertThat(leiden(zeroWeights, 1d, Quality.CPM, 1).getClustering().getClusters())
                .containsExactly(Set.of(1), Set.of(2));
    }

    @Test
    void constructorRejectsBadInput() {
        Graph<Integer, DefaultWeightedEdge> g = twoCliquesAndABridge();
        Random rng = new Random(1);

        assertThatThrownBy(() -> new LeidenClustering<Integer, DefaultWeightedEdge>(null))
                .isInstanceOf(IllegalArgumentException.class);
        Graph<Integer, DefaultWeightedEdge> directed = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        directed.addVertex(1);
        assertThatThrownBy(() -> new LeidenClustering<>(directed)).isInstanceOf(IllegalArgumentException.class);
        for (double bad : new double[] {0d, -1d, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new LeidenClustering<>(g, bad, rng, Quality.MODULARITY))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new LeidenClustering<>(g, 1d, rng, Quality.CPM, bad, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new LeidenClustering<>(g, 1d, rng, Quality.CPM, 0.01, 0))
                .isInstanceOf(IllegalArgumentException.class);
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            Graph<Integer, DefaultWeightedEdge> weighted = twoCliquesAndABridge();
            weighted.setEdgeWeight(weighted.getEdge(4, 5), bad);
            assertThatThrownBy(() -> new LeidenClustering<>(weighted, 1d, rng, Quality.MODULARITY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatNullPointerException().isThrownBy(() -> new LeidenClustering<>(g, 1d, null, Quality.CPM));
        assertThatNullPointerException().isThrownBy(() -> new LeidenClustering<>(g, 1d, rng, null));
    }

    @Test
    void maxIterationsBoundsThePasses() {
        Planted planted = plantedPartition(10, 100, 0.08, 0.02, 2);
        LeidenClustering<Integer, DefaultWeightedEdge> once = new LeidenClustering<>(
                planted.graph(), 1d, new Random(4), Quality.MODULARITY, LeidenClustering.DEFAULT_RANDOMNESS, 1);
        LeidenClustering<Integer, DefaultWeightedEdge> untilStable = leiden(planted.graph(), 1d, Quality.MODULARITY, 4);

        assertThat(disconnectedClusters(planted.graph(), once.getClustering().getClusters()))
                .isEmpty();
        assertThat(untilStable.getQuality()).isGreaterThanOrEqualTo(once.getQuality() - 1e-12);
    }

    @Test
    void verticesOfAnyTypeGiveTheClusteringOfTheirIntegerTwin() {
        // Integer vertices take a primitive index, others a general one: both must see the same graph
        Planted planted = plantedPartition(10, 40, 0.3, 0.01, 3);
        Graph<Integer, DefaultWeightedEdge> ints = planted.graph();
        Graph<String, DefaultWeightedEdge> strings = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        ints.vertexSet().forEach(v -> strings.addVertex("account-" + v));
        for (DefaultWeightedEdge e : ints.edgeSet()) {
            DefaultWeightedEdge copy =
                    strings.addEdge("account-" + ints.getEdgeSource(e), "account-" + ints.getEdgeTarget(e));
            strings.setEdgeWeight(copy, ints.getEdgeWeight(e));
        }
        for (Quality quality : Quality.values()) {
            List<Set<String>> expected = new ArrayList<>();
            for (Set<Integer> c : leiden(ints, 1d, quality, 7).getClustering().getClusters()) {
                Set<String> named = new HashSet<>();
                c.forEach(v -> named.add("account-" + v));
                expected.add(named);
            }
            assertThat(expected).hasSizeGreaterThan(1);
            assertThat(new LeidenClustering<>(strings, 1d, new Random(7), quality)
                            .getClustering()
                            .getClusters())
                    .as("%s", quality)
                    .isEqualTo(expected);
        }
    }
}
