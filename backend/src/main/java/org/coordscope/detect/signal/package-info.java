/**
 * Coordination signals and the coordination graph: from in-memory actions (account, object, time)
 * per {@link org.coordscope.detect.signal.SignalKind} to an IDF-weighted, time-windowed account graph
 * with evidence per edge. Pure Java over primitive arrays (fastutil); no database here.
 *
 * <p>Entry points: {@link org.coordscope.detect.signal.Actions} (input),
 * {@link org.coordscope.detect.signal.CoActionGraphBuilder} (projection and merge),
 * {@link org.coordscope.detect.signal.CoordinationGraph} (result, with a JGraphT view),
 * {@link org.coordscope.detect.signal.NearDuplicateText} (near-duplicate text clusters as objects),
 * {@link org.coordscope.detect.signal.DetectionOptions} (options as data).
 */
package org.coordscope.detect.signal;
