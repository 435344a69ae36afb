/**
 * Community detection on the coordination graph.
 *
 * <p>{@link org.coordscope.detect.community.LeidenClustering} is the Leiden algorithm (Traag, Waltman and
 * van Eck 2019) with modularity or the Constant Potts Model, written against JGraphT's graph API and in the
 * shape of the {@code LeidenClustering} on JGraphT's development line, so that the library's can replace it
 * once released. JGraphT's own {@code LabelPropagationClustering} and {@code GreedyModularityAlgorithm}
 * serve as baselines; {@code UndirectedModularityMeasurer} scores any of them.
 *
 * <p>The work happens over arrays: {@code CsrGraph} (compressed sparse rows) and {@code LeidenOptimizer}
 * (the phases), both package-private.
 */
package org.coordscope.detect.community;
