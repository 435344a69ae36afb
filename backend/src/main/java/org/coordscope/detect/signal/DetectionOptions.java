package org.coordscope.detect.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * All options of the coordination-graph stage, immutable, with {@link #describe()} listing them as
 * data ({@link DetectionOption}) for the CLI, the API and the UI, and {@link #with(String, String)} /
 * {@link #values()} reading and writing them by id (a detection run records {@code values()}).
 *
 * <h2>Defaults and where they come from</h2>
 * <ul>
 *   <li><b>Windows.</b> Co-retweet and co-link 60 s: CooRTweet's analysis of its Russian retweet data
 *       uses {@code time_window = 60} (its function default is 10 s; the QUT coordination-network-toolkit
 *       defaults to 1 s, both too tight for minute-resolution Info Ops archives, where 60 s already
 *       means "same or adjacent minute"). CooRnet instead estimates the "coordination interval" from
 *       the data (the median time the quickest URLs take to gather their first shares); a caller can
 *       do the same and set the window. Co-hashtag 300 s: hashtag pushes are scheduled to a start time
 *       and run for minutes, not seconds; the wider window is paid for by a higher minimum support
 *       and the IDF. Near-text 300 s: pasting an edited text takes longer than a retweet click, and
 *       near-identical wording is itself strong evidence.</li>
 *   <li><b>Slow window</b> {@value #SLOW_WINDOW} s for co-retweet, co-link, co-hashtag and near-text (off for
 *       co-domain, off by default): half an hour is the slowest reaction of the groups the generator plants
 *       (10–30 minutes after the post, each member at its own delay). Each signal is projected again at it and
 *       tested on its own ({@link CoActionGraphBuilder}); on ten generated worlds at each of 1,500 and 6,000
 *       accounts it raised slow groups' F1 from 0.80–0.97 to 0.83–0.996 (docs/detection.md).</li>
 *   <li><b>Episodes</b> (see {@link CoActionGraphBuilder}): hashtags, links, domains and near-text
 *       clusters are split into episodes at every quiet hour ({@value #EPISODE_GAP} s without anyone
 *       acting on the object), so the same campaign hashtag, link or line pushed in burst after burst
 *       counts once per burst. An hour is longer than any wave of a group (seconds to 20 minutes, so
 *       one wave stays one episode) and shorter than the time between a scheduler's pushes (hours to
 *       days), and an organic storm that runs for hours without a quiet hour stays one episode, hence
 *       support 1. Co-retweet keeps 0 (off): an account retweets a tweet once, so its episodes would
 *       only count un-retweet/re-retweet, and its support stays CooRTweet's distinct tweets.</li>
 *   <li><b>Minimum support</b> (distinct shared objects, or episodes, per pair, the edge weight of CooRTweet's
 *       {@code generate_network} and the QUT toolkit's {@code min_edge_weight}, whose default is 2):
 *       2 for retweets, links and near-text, since coincidence rarely repeats (Giglietto et al. 2020).
 *       3 for hashtags and domains: on the IRA October 2016 week, pairs with three or more shared
 *       retweets are 100% same-category, with three or more shared hashtags only 79%.</li>
 *   <li><b>Enabled:</b> all but co-domain, which is implied by every co-link (it would count the same
 *       share twice) and is dominated by large outlets; enable it for campaigns that rotate URLs on
 *       one site.</li>
 *   <li><b>maxPairsPerAction</b> 50: larger than the bursts seen in real data (at most 9 other
 *       retweets within 60 s of any retweet in CooRTweet's Russian set), small enough that a storm of
 *       100,000 retweets yields at most 5 million pair events, not 5 billion.</li>
 *   <li><b>maxObjectAccounts</b> 0 (no cap): the IDF, the window and the per-action cap already keep
 *       viral objects from making cliques; the cap is a speed knob.</li>
 *   <li><b>Resolution</b> 1 s; set 60 for minute-resolution data.</li>
 *   <li><b>Evidence per edge</b> 5 shared objects per signal, the rarest first.</li>
 *   <li><b>Near-text</b>: see {@link NearDuplicateText}.</li>
 * </ul>
 *
 * @param resolutionSeconds time resolution of the data, 1 or 60
 * @param minEdgeWeight edges whose total weight is below this are dropped (0 = keep all)
 * @param evidencePerEdge shared objects kept per edge and signal as evidence
 * @param signals options per signal, one for every {@link SignalKind}
 * @param nearText near-duplicate text parameters
 * @param fdr false discovery rate at which an edge is validated ({@link Significance}): its co-actions are
 *     beyond what the two accounts' activity explains by chance
 */
public record DetectionOptions(
        int resolutionSeconds,
        double minEdgeWeight,
        int evidencePerEdge,
        Map<SignalKind, SignalOptions> signals,
        NearTextOptions nearText,
        double fdr) {

    public DetectionOptions {
        if (resolutionSeconds < 1) {
            throw new IllegalArgumentException("resolution must be >= 1");
        }
        if (!(minEdgeWeight >= 0)) {
            throw new IllegalArgumentException("min-edge-weight must be >= 0");
        }
        if (evidencePerEdge < 0 || evidencePerEdge > 1000) {
            throw new IllegalArgumentException("evidence-per-edge must be in [0, 1000]");
        }
        EnumMap<SignalKind, SignalOptions> copy = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            SignalOptions s = signals == null ? null : signals.get(k);
            if (s == null || s.kind() != k) {
                throw new IllegalArgumentException("options missing or mismatched for " + k.id());
            }
            copy.put(k, s);
        }
        signals = Collections.unmodifiableMap(copy);
        if (nearText == null) {
            throw new IllegalArgumentException("nearText is required");
        }
        if (!(fdr > 0 && fdr <= 1)) {
            throw new IllegalArgumentException("significance.fdr must be in (0, 1]");
        }
    }

    /**
     * Default false discovery rate of validated edges: Benjamini and Hochberg's customary 5%. Tumminello et al.
     * use 1%; 5% keeps a four-account ring that co-retweeted ten posts in a dataset of six accounts (nothing to
     * compare it with: p = 1/66) validated, and on generated worlds planted pairs have p-values below 1e-10.
     */
    public static final double DEFAULT_FDR = 0.05;

    /** Default quiet gap that ends an episode of an object, in seconds (class comment: why). */
    public static final long EPISODE_GAP = 3_600;

    /** Default slow window, in seconds: 30 minutes, the slowest reactions of groups we plant and measure (class comment). */
    public static final long SLOW_WINDOW = 1_800;

    /** The defaults, justified in the class comment. */
    public static DetectionOptions defaults() {
        EnumMap<SignalKind, SignalOptions> s = new EnumMap<>(SignalKind.class);
        s.put(SignalKind.CO_RETWEET, new SignalOptions(SignalKind.CO_RETWEET, true, 60, 2, 50, 0, 0, SLOW_WINDOW));
        s.put(SignalKind.CO_LINK, new SignalOptions(SignalKind.CO_LINK, true, 60, 2, 50, 0, EPISODE_GAP, SLOW_WINDOW));
        s.put(SignalKind.CO_DOMAIN, new SignalOptions(SignalKind.CO_DOMAIN, false, 60, 3, 50, 0, EPISODE_GAP, 0));
        s.put(
                SignalKind.CO_HASHTAG,
                new SignalOptions(SignalKind.CO_HASHTAG, true, 300, 3, 50, 0, EPISODE_GAP, SLOW_WINDOW));
        s.put(
                SignalKind.NEAR_TEXT,
                new SignalOptions(SignalKind.NEAR_TEXT, true, 300, 2, 50, 0, EPISODE_GAP, SLOW_WINDOW));
        return new DetectionOptions(1, 0.0, 5, s, NearTextOptions.defaults(), DEFAULT_FDR);
    }

    public SignalOptions signal(SignalKind kind) {
        return signals.get(kind);
    }

    public DetectionOptions withSignal(SignalOptions s) {
        EnumMap<SignalKind, SignalOptions> m = new EnumMap<>(signals);
        m.put(s.kind(), s);
        return new DetectionOptions(resolutionSeconds, minEdgeWeight, evidencePerEdge, m, nearText, fdr);
    }

    public DetectionOptions withResolutionSeconds(int v) {
        return new DetectionOptions(v, minEdgeWeight, evidencePerEdge, signals, nearText, fdr);
    }

    public DetectionOptions withMinEdgeWeight(double v) {
        return new DetectionOptions(resolutionSeconds, v, evidencePerEdge, signals, nearText, fdr);
    }

    public DetectionOptions withEvidencePerEdge(int v) {
        return new DetectionOptions(resolutionSeconds, minEdgeWeight, v, signals, nearText, fdr);
    }

    public DetectionOptions withNearText(NearTextOptions v) {
        return new DetectionOptions(resolutionSeconds, minEdgeWeight, evidencePerEdge, signals, v, fdr);
    }

    public DetectionOptions withFdr(double v) {
        return new DetectionOptions(resolutionSeconds, minEdgeWeight, evidencePerEdge, signals, nearText, v);
    }

    /** Every option with its type, default and description, in a stable order. */
    public static List<DetectionOption> describe() {
        DetectionOptions d = defaults();
        List<DetectionOption> out = new ArrayList<>();
        for (Spec s : SPECS) {
            out.add(new DetectionOption(s.id, s.type, s.get.apply(d), s.description));
        }
        return List.copyOf(out);
    }

    /** The current value of every option by id, in {@link #describe()} order. */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            m.put(s.id, s.get.apply(this));
        }
        return Collections.unmodifiableMap(m);
    }

    /** A copy with option {@code id} parsed from {@code value}; unknown ids and bad values throw. */
    public DetectionOptions with(String id, String value) {
        for (Spec s : SPECS) {
            if (s.id.equals(id)) {
                try {
                    return s.set.apply(this, value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(id + ": not a number: " + value, e);
                }
            }
        }
        throw new IllegalArgumentException("unknown detection option: " + id);
    }

    /** A copy with every entry of {@code values} applied by {@link #with(String, String)}. */
    public DetectionOptions with(Map<String, String> values) {
        DetectionOptions o = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    private record Spec(
            String id,
            DetectionOption.Type type,
            String description,
            Function<DetectionOptions, Object> get,
            BiFunction<DetectionOptions, String, DetectionOptions> set) {}

    private static final List<Spec> SPECS = specs();

    private static boolean parseBoolean(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + v);
    }

    private static List<Spec> specs() {
        var INT = DetectionOption.Type.INTEGER;
        var NUM = DetectionOption.Type.NUMBER;
        var BOOL = DetectionOption.Type.BOOLEAN;
        List<Spec> l = new ArrayList<>();
        l.add(new Spec(
                "resolution",
                INT,
                "Time resolution of the data in seconds: 60 for minute-resolution archives, else 1. Times are"
                        + " floored to it and windows rounded up to it.",
                o -> (long) o.resolutionSeconds,
                (o, v) -> o.withResolutionSeconds(Integer.parseInt(v))));
        l.add(new Spec(
                "min-edge-weight",
                NUM,
                "Drop edges whose IDF-weighted total is below this (0 keeps all).",
                o -> o.minEdgeWeight,
                (o, v) -> o.withMinEdgeWeight(Double.parseDouble(v))));
        l.add(new Spec(
                "evidence-per-edge",
                INT,
                "Shared objects kept per edge and signal as evidence, rarest first, with both accounts' times.",
                o -> (long) o.evidencePerEdge,
                (o, v) -> o.withEvidencePerEdge(Integer.parseInt(v))));
        for (SignalKind k : SignalKind.values()) {
            String p = k.id() + ".";
            l.add(new Spec(
                    p + "enabled",
                    BOOL,
                    "Use the " + k.id() + " signal.",
                    o -> o.signal(k).enabled(),
                    (o, v) -> o.withSignal(o.signal(k).withEnabled(parseBoolean(v)))));
            l.add(new Spec(
                    p + "window",
                    INT,
                    "Seconds within which two actions on the same object count as a co-action (inclusive).",
                    o -> o.signal(k).windowSeconds(),
                    (o, v) -> o.withSignal(o.signal(k).withWindowSeconds(Long.parseLong(v)))));
            l.add(new Spec(
                    p + "min-support",
                    INT,
                    "Distinct shared objects (episodes of objects, see episode-gap) a pair needs before this"
                            + " signal links it.",
                    o -> (long) o.signal(k).minSupport(),
                    (o, v) -> o.withSignal(o.signal(k).withMinSupport(Integer.parseInt(v)))));
            l.add(new Spec(
                    p + "max-pairs-per-action",
                    INT,
                    "Each action pairs with at most this many of the next actions on the object (the"
                            + " nearest in time); bounds the cost of viral objects.",
                    o -> (long) o.signal(k).maxPairsPerAction(),
                    (o, v) -> o.withSignal(o.signal(k).withMaxPairsPerAction(Integer.parseInt(v)))));
            l.add(new Spec(
                    p + "episode-gap",
                    INT,
                    "Seconds without any action on an object that end one of its episodes; support counts"
                            + " distinct (object, episode) co-actions, so bursts of one hashtag, link or text"
                            + " repeat as evidence (0 = one episode per object; at least the window).",
                    o -> o.signal(k).episodeGapSeconds(),
                    (o, v) -> o.withSignal(o.signal(k).withEpisodeGapSeconds(Long.parseLong(v)))));
            l.add(new Spec(
                    p + "slow-window",
                    INT,
                    "A second, longer window in seconds, tested on its own (0 = off): a pair whose co-actions"
                            + " within it are beyond chance at that window length (significance.fdr) is linked"
                            + " with them, so groups reacting over 10-30 minutes are found without linking"
                            + " every pair that happened to act within half an hour.",
                    o -> o.signal(k).slowWindowSeconds(),
                    (o, v) -> o.withSignal(o.signal(k).withSlowWindowSeconds(Long.parseLong(v)))));
            l.add(new Spec(
                    p + "max-object-accounts",
                    INT,
                    "Skip objects touched by more distinct accounts than this (0 = no cap; the IDF damps them anyway).",
                    o -> (long) o.signal(k).maxObjectAccounts(),
                    (o, v) -> o.withSignal(o.signal(k).withMaxObjectAccounts(Integer.parseInt(v)))));
        }
        l.add(new Spec(
                "significance.fdr",
                NUM,
                "False discovery rate (Benjamini-Hochberg) at which an edge counts as beyond chance: its"
                        + " co-actions are unlikely given both accounts' activity (hypergeometric null, Tumminello"
                        + " et al. 2011). Scores count only such edges.",
                o -> o.fdr,
                (o, v) -> o.withFdr(Double.parseDouble(v))));
        l.add(new Spec(
                "near-text.threshold",
                NUM,
                "Estimated Jaccard similarity (word unigrams + bigrams) at which two texts are near-duplicates.",
                o -> o.nearText.threshold(),
                (o, v) -> o.withNearText(o.nearText.withThreshold(Double.parseDouble(v)))));
        l.add(new Spec(
                "near-text.bands",
                INT,
                "MinHash LSH bands.",
                o -> (long) o.nearText.bands(),
                (o, v) -> o.withNearText(o.nearText.withBands(Integer.parseInt(v)))));
        l.add(new Spec(
                "near-text.rows",
                INT,
                "MinHash rows per LSH band.",
                o -> (long) o.nearText.rows(),
                (o, v) -> o.withNearText(o.nearText.withRows(Integer.parseInt(v)))));
        l.add(new Spec(
                "near-text.min-tokens",
                INT,
                "Texts with fewer words after normalisation are ignored.",
                o -> (long) o.nearText.minTokens(),
                (o, v) -> o.withNearText(o.nearText.withMinTokens(Integer.parseInt(v)))));
        l.add(new Spec(
                "near-text.max-bucket-size",
                INT,
                "LSH buckets larger than this (boilerplate) are verified against one member only.",
                o -> (long) o.nearText.maxBucketSize(),
                (o, v) -> o.withNearText(o.nearText.withMaxBucketSize(Integer.parseInt(v)))));
        return List.copyOf(l);
    }
}
