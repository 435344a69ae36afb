package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.SignalKind;
import org.coordscope.detect.signal.TimeWindow;

/**
 * A cluster's reasons, sentences an investigator can check: the pair and co-action counts; per signal its
 * co-actions, window, pairs, median gap, distinct objects and examples, and the objects the most members
 * acted on with when; then each trait against the dataset.
 */
final class ClusterReasons {

    /** How many objects a reason names ("top shared", examples, amplified authors). */
    static final int TOP_SHARED = 3;

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Collection<SignalKind> signals;
    private final SignalData data;
    private final AccountTraits traits;
    private final DetectionOptions options;

    ClusterReasons(Collection<SignalKind> signals, SignalData data, AccountTraits traits, DetectionOptions options) {
        this.signals = signals;
        this.data = data;
        this.traits = traits;
        this.options = options;
    }

    List<String> explain(ClusterEvidence ev, ClusterTraits t) {
        int n = ev.size();
        double pairs = ev.pairs();
        DatasetBaseline all = t.baseline;
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(
                Locale.ROOT,
                "%d accounts: %,d of %,d pairs coordinated (density %.0f%%), %,d shared"
                        + " co-actions in all, %.1f per pair",
                n,
                ev.internalEdges,
                (long) pairs,
                100 * ev.internalEdges / pairs,
                ev.support,
                ev.support / pairs));
        for (SignalKind k : signals) {
            int s = k.ordinal();
            if (ev.supportBySignal[s] == 0) {
                continue;
            }
            long window = new TimeWindow(options.signal(k).windowSeconds(), options.resolutionSeconds())
                    .effectiveWindowSeconds();
            StringBuilder r = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s: %,d shared %s within %d s between %,d pairs (median gap %d s in the evidence, at least %,d"
                            + " distinct %s)",
                    k.id(),
                    ev.supportBySignal[s],
                    noun(k),
                    window,
                    ev.edgesBySignal[s],
                    median(ev.gaps.get(s)),
                    ev.objects.get(s).size(),
                    objectNoun(k)));
            if (k == SignalKind.CO_RETWEET) {
                r.append(amplified(ev.objects.get(s)));
            } else {
                r.append(examples(k, ev.objects.get(s)));
            }
            reasons.add(r.toString());
            reasons.add(topShared(k, ev.shared.get(s)));
        }
        if (t.hasBurst()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d of %d accounts created within %d h (%s..%s)",
                    t.inBurst,
                    n,
                    ClusterTraits.BURST_HOURS,
                    day(t.burstFrom),
                    day(t.burstTo)));
        }
        // a trait is cited only above the dataset's share: a file without that field (no bio column, no client) has
        // a share of 0 everywhere, so nothing is said about it (issue 14, item 6)
        if (t.topClient >= 0 && (double) t.topClientCount / n > all.client()[t.topClient]) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d of %d post mostly with client '%s' (%.0f%% of all accounts do)",
                    t.topClientCount,
                    n,
                    traits.clients.get(t.topClient),
                    100 * all.client()[t.topClient]));
        }
        if ((double) t.emptyProfiles / n > all.emptyProfile()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d of %d have empty profiles (%.0f%% of all accounts)",
                    t.emptyProfiles,
                    n,
                    100 * all.emptyProfile()));
        }
        if (t.knownFollowers.length > 0 && (double) t.fewFollowers / n > all.fewFollowers()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "median followers %,d; %d of %d under %d (%.0f%% of all accounts)",
                    t.knownFollowers[t.knownFollowers.length / 2],
                    t.fewFollowers,
                    n,
                    AccountTraits.FEW_FOLLOWERS,
                    100 * all.fewFollowers()));
        }
        if (t.retweetRatioSum / n > all.retweetRatio()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "retweet ratio %.0f%% (all accounts: %.0f%%)",
                    100 * t.retweetRatioSum / n,
                    100 * all.retweetRatio()));
        }
        if (t.quickShareSum / n > all.quickShare()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%.0f%% of their retweets within %d min of the original (all accounts: %.0f%%)",
                    100 * t.quickShareSum / n,
                    SignalData.QUICK_SECONDS / 60,
                    100 * all.quickShare()));
        }
        return List.copyOf(reasons);
    }

    static String day(long epochSecond) {
        return DAY.format(Instant.ofEpochSecond(epochSecond));
    }

    /** "; posts of N accounts amplified, most: A (x tweets), ...": the authors of the co-retweeted tweets. */
    private String amplified(IntOpenHashSet objects) {
        Int2IntOpenHashMap byAuthor = new Int2IntOpenHashMap();
        for (int o : objects) {
            int author = o < data.retweetedAuthor.size() ? data.retweetedAuthor.getInt(o) : -1;
            if (author >= 0) {
                byAuthor.addTo(author, 1);
            }
        }
        if (byAuthor.isEmpty()) {
            return "";
        }
        List<int[]> top = new ArrayList<>();
        byAuthor.int2IntEntrySet().forEach(en -> top.add(new int[] {en.getIntKey(), en.getIntValue()}));
        top.sort((x, y) -> y[1] != x[1] ? Integer.compare(y[1], x[1]) : Integer.compare(x[0], y[0]));
        StringBuilder b =
                new StringBuilder(String.format(Locale.ROOT, "; posts of %d accounts amplified, most: ", top.size()));
        for (int i = 0; i < Math.min(TOP_SHARED, top.size()); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(data.authorIds.get(top.get(i)[0]))
                    .append(" (")
                    .append(top.get(i)[1])
                    .append(" tweets)");
        }
        return b.toString();
    }

    /** "; e.g. ...": the keys of the lowest object ids. */
    private String examples(SignalKind k, IntOpenHashSet objects) {
        int[] sorted = objects.toIntArray();
        Arrays.sort(sorted);
        StringBuilder b = new StringBuilder("; e.g. ");
        for (int i = 0; i < Math.min(TOP_SHARED, sorted.length); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(data.objectKey(k, sorted[i]))
                    .append('"');
        }
        return b.toString();
    }

    /**
     * The {@value #TOP_SHARED} objects the most members acted on (ties: the lowest object id), with when: e.g.
     * "co-retweet, top shared: retweeted tweet 1234 by 41 members between 14:02:05 and 14:02:51 UTC on
     * 2019-10-03". Counted from the edges' evidence (the rarest objects of each edge), so "at least".
     */
    private String topShared(SignalKind k, Int2ObjectOpenHashMap<ClusterEvidence.SharedObject> objects) {
        List<Int2ObjectMap.Entry<ClusterEvidence.SharedObject>> top = new ArrayList<>(objects.int2ObjectEntrySet());
        top.sort((x, y) -> x.getValue().members.size() != y.getValue().members.size()
                ? Integer.compare(
                        y.getValue().members.size(), x.getValue().members.size())
                : Integer.compare(x.getIntKey(), y.getIntKey()));
        StringBuilder b = new StringBuilder(k.id()).append(", top shared: ");
        for (int i = 0; i < Math.min(TOP_SHARED, top.size()); i++) {
            ClusterEvidence.SharedObject so = top.get(i).getValue();
            b.append(i == 0 ? "" : "; ")
                    .append(objectLabel(k))
                    .append(' ')
                    .append(data.objectKey(k, top.get(i).getIntKey()))
                    .append(" by ")
                    .append(so.members.size())
                    .append(" members ");
            String day1 = day(so.first);
            String day2 = day(so.last);
            // minute-resolution data is written to the minute; one time is "at", not "between t and t"
            DateTimeFormatter clock = data.resolutionSeconds >= 60 ? MINUTE : TIME;
            if (so.first == so.last
                    || clock.format(Instant.ofEpochSecond(so.first))
                                    .equals(clock.format(Instant.ofEpochSecond(so.last)))
                            && day1.equals(day2)) {
                b.append("at ")
                        .append(clock.format(Instant.ofEpochSecond(so.first)))
                        .append(" UTC on ")
                        .append(day1);
            } else if (day1.equals(day2)) {
                b.append("between ")
                        .append(clock.format(Instant.ofEpochSecond(so.first)))
                        .append(" and ")
                        .append(clock.format(Instant.ofEpochSecond(so.last)))
                        .append(" UTC on ")
                        .append(day1);
            } else {
                b.append("between ")
                        .append(STAMP.format(Instant.ofEpochSecond(so.first)))
                        .append(" and ")
                        .append(STAMP.format(Instant.ofEpochSecond(so.last)))
                        .append(" UTC");
            }
        }
        return b.toString();
    }

    static long median(LongArrayList values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] v = values.toLongArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static String objectLabel(SignalKind k) {
        return switch (k) {
            case CO_RETWEET -> "retweeted tweet";
            case CO_LINK -> "shared URL";
            case CO_DOMAIN -> "shared domain";
            case CO_HASHTAG -> "hashtag";
            case NEAR_TEXT -> "text";
        };
    }

    private static String noun(SignalKind k) {
        return switch (k) {
            case CO_RETWEET -> "retweets";
            case CO_LINK -> "links";
            case CO_DOMAIN -> "domains";
            case CO_HASHTAG -> "hashtags";
            case NEAR_TEXT -> "near-duplicate texts";
        };
    }

    private static String objectNoun(SignalKind k) {
        return switch (k) {
            case CO_RETWEET -> "tweets";
            case CO_LINK -> "URLs";
            case CO_DOMAIN -> "domains";
            case CO_HASHTAG -> "tags";
            case NEAR_TEXT -> "texts";
        };
    }
}
