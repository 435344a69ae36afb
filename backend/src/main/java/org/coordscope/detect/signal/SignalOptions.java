package org.coordscope.detect.signal;

/**
 * How one signal turns actions into co-action pairs. See {@link DetectionOptions#defaults()} for the
 * defaults and why.
 *
 * @param kind the signal
 * @param enabled whether the signal contributes to the graph
 * @param windowSeconds two actions on one object co-act when within this many seconds (inclusive,
 *     rounded up to the data's resolution, see {@link TimeWindow})
 * @param minSupport a pair counts in this signal only when it co-acted on at least this many distinct
 *     objects; below it, the signal contributes nothing to the pair's edge
 * @param maxPairsPerAction each action is paired with at most this many of the next actions on the
 *     same object (the nearest in time, which are the most suspicious; equal times in account order;
 *     an account's own repeated actions use up places too): an object with {@code s} actions yields at
 *     most {@code maxPairsPerAction * s} pairs instead of {@code s²/2}
 * @param maxObjectAccounts objects touched by more distinct accounts than this emit no pairs at all
 *     (0 = no cap); the IDF already damps them, the cap only saves time
 * @param episodeGapSeconds an object's time-sorted actions fall into <em>episodes</em>, split wherever
 *     no one acted on it for more than {@code max(episodeGapSeconds, windowSeconds)}; support then
 *     counts distinct (object, episode) co-actions, so one hashtag pushed by the same accounts in thirty
 *     bursts is thirty pieces of evidence. 0 = the whole object is one episode (support counts distinct
 *     objects). See {@link CoActionGraphBuilder}.
 * @param slowWindowSeconds a second, longer window tested on its own terms (0 = off): the signal is projected
 *     again at this window (ignored unless longer than {@code windowSeconds}), with the null model's slots as long as it ({@link Significance}), and a pair whose
 *     co-actions within it are beyond chance joins the graph with them. Members of a slow group, reacting over
 *     10–30 minutes, rarely meet inside a one-minute window but always inside a 30-minute one; organic pairs
 *     meet inside 30 minutes too, but not more often than their activity explains. See {@link CoActionGraphBuilder}.
 */
public record SignalOptions(
        SignalKind kind,
        boolean enabled,
        long windowSeconds,
        int minSupport,
        int maxPairsPerAction,
        int maxObjectAccounts,
        long episodeGapSeconds,
        long slowWindowSeconds) {

    public SignalOptions {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (windowSeconds < 0 || windowSeconds > 365L * 86_400) {
            throw new IllegalArgumentException(kind.id() + ".window must be in [0, 1 year]");
        }
        if (minSupport < 1) {
            throw new IllegalArgumentException(kind.id() + ".min-support must be >= 1");
        }
        if (maxPairsPerAction < 1) {
            throw new IllegalArgumentException(kind.id() + ".max-pairs-per-action must be >= 1");
        }
        if (maxObjectAccounts < 0) {
            throw new IllegalArgumentException(kind.id() + ".max-object-accounts must be >= 0");
        }
        if (episodeGapSeconds < 0 || episodeGapSeconds > 365L * 86_400) {
            throw new IllegalArgumentException(kind.id() + ".episode-gap must be in [0, 1 year]");
        }
        if (slowWindowSeconds < 0 || slowWindowSeconds > 365L * 86_400) {
            throw new IllegalArgumentException(kind.id() + ".slow-window must be in [0, 1 year]");
        }
    }

    public SignalOptions withEnabled(boolean v) {
        return new SignalOptions(
                kind,
                v,
                windowSeconds,
                minSupport,
                maxPairsPerAction,
                maxObjectAccounts,
                episodeGapSeconds,
                slowWindowSeconds);
    }

    public SignalOptions withWindowSeconds(long v) {
        return new SignalOptions(
                kind,
                enabled,
                v,
                minSupport,
                maxPairsPerAction,
                maxObjectAccounts,
                episodeGapSeconds,
                slowWindowSeconds);
    }

    public SignalOptions withMinSupport(int v) {
        return new SignalOptions(
                kind,
                enabled,
                windowSeconds,
                v,
                maxPairsPerAction,
                maxObjectAccounts,
                episodeGapSeconds,
                slowWindowSeconds);
    }

    public SignalOptions withMaxPairsPerAction(int v) {
        return new SignalOptions(
                kind, enabled, windowSeconds, minSupport, v, maxObjectAccounts, episodeGapSeconds, slowWindowSeconds);
    }

    public SignalOptions withMaxObjectAccounts(int v) {
        return new SignalOptions(
                kind, enabled, windowSeconds, minSupport, maxPairsPerAction, v, episodeGapSeconds, slowWindowSeconds);
    }

    public SignalOptions withEpisodeGapSeconds(long v) {
        return new SignalOptions(
                kind, enabled, windowSeconds, minSupport, maxPairsPerAction, maxObjectAccounts, v, slowWindowSeconds);
    }

    public SignalOptions withSlowWindowSeconds(long v) {
        return new SignalOptions(
                kind, enabled, windowSeconds, minSupport, maxPairsPerAction, maxObjectAccounts, episodeGapSeconds, v);
    }

    /** Whether an object's actions are split into episodes ({@code episodeGapSeconds > 0}). */
    public boolean episodes() {
        return episodeGapSeconds > 0;
    }

    /**
     * Whether the signal is also tested at its slow window: set and longer than the window (a window widened to
     * the slow one or beyond leaves nothing for the second test to add).
     */
    public boolean slowWindow() {
        return slowWindowSeconds > windowSeconds;
    }
}
