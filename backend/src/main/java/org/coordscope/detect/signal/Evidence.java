package org.coordscope.detect.signal;

/**
 * One shared object behind an edge (or one episode of it, when the signal splits objects into episodes,
 * see {@link SignalOptions#episodeGapSeconds()}): what both accounts acted on, how rare it is, and when
 * each acted. When an account acted on it several times, the two closest times are kept.
 *
 * @param signal the signal the object belongs to
 * @param object the caller's dense object id (a retweeted tweet, URL, hashtag, text cluster)
 * @param idf the object's weight {@code ln(N / n_o)} in its signal
 * @param sourceTime epoch seconds of the edge's source account's action (the smaller account id)
 * @param targetTime epoch seconds of the edge's target account's action
 */
public record Evidence(SignalKind signal, int object, double idf, long sourceTime, long targetTime) {

    /** {@code |sourceTime - targetTime|}. */
    public long delaySeconds() {
        return Math.abs(sourceTime - targetTime);
    }
}
