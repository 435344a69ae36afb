package org.coordscope.detect.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.coordscope.detect.community.LeidenClustering.Quality;
import org.jgrapht.Graph;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

/** The phases of the algorithm, on arrays. */
class LeidenOptimizerTest {

    /**
     * The paper's Figure 2 situation. Community A = {0..6} is held together by vertex 0 alone (0 is joined
     * to every other member, which form two triangles {1,2,3} and {4,5,6}); community B = {7..14} is an
     * 8-clique to which 0 is joined as well. Under CPM with gamma 0.2, 0 gains by moving to B, while 1..6
     * each gain more by staying with the rest of A than by leaving: local moving leaves A disconnected.
     */
    private static final int[] BRIDGE_START = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};

    private static Graph<Integer, DefaultWeightedEdge> bridgeGraph() {
        Graph<Integer, DefaultWeightedEdge> g = CommunityFixtures.simpleGraph();
        for (int v = 1; v <= 6; v++) {
            CommunityFixtures.addEdge(g, 0, v, 1d);
        }
        CommunityFixtures.addClique(g, 1, 3);
        CommunityFixtures.addClique(g, 4, 3);
        CommunityFixtures.addClique(g, 7, 8);
        for (int v = 7; v <= 14; v++) {
            CommunityFixtures.addEdge(g, 0, v, 1d);
        }
        return g;
    }

    private static CsrGraph csr(Graph<Integer, DefaultWeightedEdge> g) {
        List<Integer> vertices = new ArrayList<>(g.vertexSet());
        assertThat(vertices).isSorted(); // vertex v is index v
        return LeidenClustering.toCsr(g, vertices);
    }

    private static LeidenOptimizer cpm(CsrGraph g, double gamma, long seed, boolean refine) {
        return LeidenOptimizer.of(g, Quality.CPM, gamma, LeidenClustering.DEFAULT_RANDOMNESS, new Random(seed), refine);
    }

    private static List<Set<Integer>> clusters(int[] membership) {
        List<Set<Integer>> clusters = new ArrayList<>();
        for (int v = 0; v < membership.length; v++) {
            while (clusters.size() <= membership[v]) {
                clusters.add(new LinkedHashSet<>());
            }
            clusters.get(membership[v]).add(v);
        }
        return clusters;
    }

    @Test
    void localMovingLeavesACommunityDisconnectedAndRefinementSplitsIt() {
        Graph<Integer, DefaultWeightedEdge> graph = bridgeGraph();
        CsrGraph g = csr(graph);
        for (long seed = 0; seed < 10; seed++) {
            LeidenOptimizer optimizer = cpm(g, 0.2, seed, true);
            int[] community = BRIDGE_START.clone();
            double[] ones = new double[g.n];
            Arrays.fill(ones, 1d);

            int count = optimizer.moveNodesFast(g, ones, community);

            assertThat(clusters(community))
                    .containsExactlyInAnyOrder(Set.of(0, 7, 8, 9, 10, 11, 12, 13, 14), Set.of(1, 2, 3, 4, 5, 6));
            assertThat(CommunityFixtures.disconnectedClusters(graph, clusters(community)))
                    .containsExactly(Set.of(1, 2, 3, 4, 5, 6));

            int[] refined = new int[g.n];
            optimizer.refine(g, ones, community, count, refined);

            List<Set<Integer>> refinedClusters = clusters(refined);
            assertThat(CommunityFixtures.disconnectedClusters(graph, refinedClusters))
                    .isEmpty();
            assertThat(refined[1]).isEqualTo(refined[2]).isEqualTo(refined[3]).isNotEqualTo(refined[4]);
            assertThat(refined[4]).isEqualTo(refined[5]).isEqualTo(refined[6]);
            for (int v = 0; v < g.n; v++) { // refinement only splits
                for (int u = 0; u < g.n; u++) {
                    if (refined[u] == refined[v]) {
                        assertThat(community[u]).isEqualTo(community[v]);
                    }
                }
            }
        }
    }

    @Test
    void louvainKeepsTheDisconnectedCommunityAndLeidenDoesNot() {
        Graph<Integer, DefaultWeightedEdge> graph = bridgeGraph();
        CsrGraph g = csr(graph);

        int[] louvain = cpm(g, 0.2, 1, false).run(BRIDGE_START, Integer.MAX_VALUE);
        int[] leiden = cpm(g, 0.2, 1, true).run(BRIDGE_START, Integer.MAX_VALUE);

        assertThat(CommunityFixtures.disconnectedClusters(graph, clusters(louvain)))
                .containsExactly(Set.of(1, 2, 3, 4, 5, 6));
        assertThat(clusters(leiden))
                .containsExactlyInAnyOrder(Set.of(0, 7, 8, 9, 10, 11, 12, 13, 14), Set.of(1, 2, 3), Set.of(4, 5, 6));
        assertThat(LeidenOptimizer.cpm(g, leiden, 3, 0.2)).isGreaterThan(LeidenOptimizer.cpm(g, louvain, 2, 0.2));
    }

    @Test
    void onSparseRandomGraphsLouvainSometimesDisconnectsCommunitiesAndLeidenNever() {
        int louvainDisconnected = 0;
        for (long seed = 0; seed < 20; seed++) {
            Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                    SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultWeightedEdgeSupplier());
            new GnpRandomGraphGenerator<Integer, DefaultWeightedEdge>(1000, 3d / 1000, seed).generateGraph(graph);
            CsrGraph g = csr(graph);
            for (Quality quality : Quality.values()) {
                double gamma = quality == Quality.CPM ? 0.05 : 1d;
                int[] louvain = LeidenOptimizer.of(
                                g, quality, gamma, LeidenClustering.DEFAULT_RANDOMNESS, new Random(seed), false)
                        .run(null, 50);
                int[] leiden = LeidenOptimizer.of(
                                g, quality, gamma, LeidenClustering.DEFAULT_RANDOMNESS, new Random(seed), true)
                        .run(null, 50);

                louvainDisconnected += CommunityFixtures.disconnectedClusters(graph, clusters(louvain))
                        .size();
                assertThat(CommunityFixtures.disconnectedClusters(graph, clusters(leiden)))
                        .as("seed %d, %s", seed, quality)
                        .isEmpty();
            }
        }
        assertThat(louvainDisconnected)
                .as("the graphs are hard enough to disconnect Louvain's")
                .isPositive();
    }

    @Test
    void csrKeepsSelfLoopsApartAndDropsZeroWeights() {
        // edges: 0-1 (2), 0-1 (1, parallel), 1-1 (3, loop), 1-2 (0, dropped), 2-3 (4)
        CsrGraph g = CsrGraph.fromEdges(
                4, new int[] {0, 0, 1, 1, 2}, new int[] {1, 1, 1, 2, 3}, new double[] {2, 1, 3, 0, 4}, 5);

        assertThat(g.totalEdgeWeight).isEqualTo(10d);
        assertThat(g.selfLoops).containsExactly(0, 3, 0, 0);
        assertThat(g.strengths).containsExactly(3, 9, 4, 4);
        assertThat(g.offsets).containsExactly(0, 2, 4, 5, 6);
    }

    @Test
    void aggregationPreservesWeights() {
        CsrGraph g = CsrGraph.fromEdges(
                4, new int[] {0, 0, 1, 1, 2}, new int[] {1, 1, 1, 2, 3}, new double[] {2, 1, 3, 5, 4}, 5);

        CsrGraph a = g.aggregate(new int[] {0, 0, 1, 1}, 2);

        assertThat(a.n).isEqualTo(2);
        assertThat(a.totalEdgeWeight).isEqualTo(g.totalEdgeWeight);
        assertThat(a.selfLoops).containsExactly(6, 4); // 2 + 1 + loop 3; 4
        assertThat(a.strengths).containsExactly(g.strengths[0] + g.strengths[1], g.strengths[2] + g.strengths[3]);
        assertThat(a.targets).containsExactly(1, 0);
        assertThat(a.weights).containsExactly(5, 5);
        int[] membership = {0, 1};
        int[] flat = {0, 0, 1, 1};
        assertThat(LeidenOptimizer.modularity(a, membership, 2, 1d))
                .isCloseTo(LeidenOptimizer.modularity(g, flat, 2, 1d), within(1e-15));
    }

    @Test
    void renumberGivesEqualArraysForEqualPartitions() {
        int[] a = {3, 3, 0, 2, 0};
        int[] b = {1, 1, 4, 0, 4};

        assertThat(LeidenOptimizer.renumber(a)).isEqualTo(3);
        LeidenOptimizer.renumber(b);

        assertThat(a).containsExactly(0, 0, 1, 2, 1).isEqualTo(b);
    }

    @Test
    void componentsWithinSplitsOnlyDisconnectedCommunities() {
        CsrGraph g = CsrGraph.fromEdges(5, new int[] {0, 2, 3}, new int[] {1, 3, 4}, new double[] {1, 1, 1}, 3);
        int[] out = new int[5];

        int count = LeidenOptimizer.componentsWithin(g, new int[] {0, 0, 0, 1, 1}, out);

        assertThat(count).isEqualTo(3);
        assertThat(new HashSet<>(clusters(out))).containsExactlyInAnyOrder(Set.of(0, 1), Set.of(2), Set.of(3, 4));
    }
}
