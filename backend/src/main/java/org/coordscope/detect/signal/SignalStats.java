package org.coordscope.detect.signal;

/**
 * What projecting one signal did, for run reports and for checking that caps did not bite silently.
 *
 * @param signal the signal
 * @param actions actions read
 * @param activeAccounts N of the IDF: accounts active in the signal
 * @param objects distinct objects acted on
 * @param objectsSkipped objects skipped because more than {@code maxObjectAccounts} accounts acted on them
 * @param episodes the units support counts: episodes of the objects two or more accounts acted on (not
 *     skipped), or {@code objects} when the signal does not split objects into episodes
 * @param actionsCapped actions whose window held more than {@code maxPairsPerAction} later actions
 *     (those beyond the nearest were not paired)
 * @param pairEvents co-acting pairs of actions (two accounts co-acting twice on one object count twice)
 * @param candidatePairs distinct account pairs before the minimum support
 * @param pairsKept pairs meeting the minimum support
 */
public record SignalStats(
        SignalKind signal,
        int actions,
        int activeAccounts,
        int objects,
        int objectsSkipped,
        int episodes,
        long actionsCapped,
        long pairEvents,
        long candidatePairs,
        int pairsKept) {}
