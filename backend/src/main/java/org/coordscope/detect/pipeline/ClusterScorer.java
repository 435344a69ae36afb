package org.coordscope.detect.pipeline;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coordscope.detect.signal.CoordinationGraph;
import org.coordscope.detect.signal.DetectionOptions;
import org.coordscope.detect.signal.Evidence;
import org.coordscope.detect.signal.SignalKind;
import org.coordscope.detect.signal.TimeWindow;

/**
 * Scores communities of the coordination graph and explains each score with numbers an investigator can
 * check.
 *
 * <h2>Cluster score</h2>
 * Only communities of at least {@value #MIN_CLUSTER_SIZE} accounts are scored: a pair alone is too easily a
 * coincidence to defend. With {@code n} members, {@code P = n(n-1)/2} possible pairs and {@code S} the
 * co-actions summed over the community's internal edges (each edge's distinct shared objects, all signals):
 * <ul>
 *   <li><b>coordination</b> {@code c = 1 - exp(-(S / P) / 2)}: shared co-actions per possible pair,
 *       saturating; density and repetition at once. Every pair co-acting on 6 objects gives 0.95; an organic
 *       crowd where 13% of pairs met twice gives 0.12;</li>
 *   <li><b>traits</b> {@code t} in [0, 1]: the mean of six give-aways, each the share of members showing
 *       it in excess of the whole dataset's share, {@code max(0, (p_cluster - p_all) / (1 - p_all))}: one
 *       client more common than in the dataset, empty profiles, under {@value AccountTraits#FEW_FOLLOWERS}
 *       followers, retweet ratio, reaction delay (the share of its retweets made within
 *       {@code SignalData.QUICK_SECONDS} of the original); and the share created within one {@value #BURST_HOURS} h window (no
 *       baseline: a random crowd's creation dates spread over years);</li>
 *   <li><b>volume</b> {@code v = 1 - exp(-S / 12)}: how much evidence there is at all. Three accounts that
 *       co-retweeted twice (S = 6) get 0.39: chance does that in a crowd; 36 co-actions give 0.95;</li>
 *   <li><b>score</b> = {@code (0.6 c + 0.4 t) v}: driven by coordination; traits raise it but cannot make
 *       it alone (traits without coordination reach 0.4).</li>
 * </ul>
 * The default suspect threshold is {@value #DEFAULT_THRESHOLD}. Measured on generated worlds (1,500
 * accounts, 5 planted groups, seeds 7 and 11, see {@code DetectionAccuracyTest}): planted clusters score
 * 0.50 to 0.80; organic ones (storms, fan crowds, chance triangles) at most 0.18.
 *
 * <h2>Account score</h2>
 * Per member: <b>strength</b>, the share of its edge weight that stays inside its cluster, and its own
 * {@code c_a = 1 - exp(-O_a / 4)} with {@code O_a} the distinct objects it co-acted on with other members (a
 * lower bound: those in the edges' evidence, or its largest support with one member if that is more), {@code v_a = 1 - exp(-S_a / 6)} with {@code S_a} its
 * co-actions with the other members, and {@code t_a} the share of the six traits it shows itself. Its score
 * is {@code min(cluster score, (0.6 c_a + 0.4 t_a) v_a sqrt(strength))}: an account that touched the
 * campaign a few times, or belongs mostly elsewhere, stays below the threshold inside a suspicious cluster.
 * The authors of what a group retweets are not members for being retweeted: edges come only from an
 * account's own actions.
 */
public final class ClusterScorer {

    public static final int MIN_CLUSTER_SIZE = 3;
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int BURST_HOURS = 96;
    public static final double SUPPORT_SCALE = 2.0;
    public static final double VOLUME_SCALE = 24.0;
    public static final double MEMBER_SCALE = 8.0;
    public static final double OBJECT_SCALE = 4.0;
    public static final double COORDINATION_WEIGHT = 0.6;
    public static final int TRAITS = 6;

    public static final int TOP_SHARED = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A scored community; member arrays are parallel to {@code members}. */
    public record Scored(int[] members, double score, double coordination, double traits, int internalEdges,
            long internalSupport, List<String> reasons, double[] strength, double[] memberScore,
            List<List<String>> memberReasons) {
    }

    private final CoordinationGraph graph;
    private final SignalData data;
    private final AccountTraits traits;
    private final DetectionOptions options;
    private final double[] totalWeight;
    // dataset baselines
    private final double emptyAll;
    private final double fewAll;
    private final double rtAll;
    private final double quickAll;
    private final double[] clientShareAll;

    ClusterScorer(CoordinationGraph graph, SignalData data, AccountTraits traits, DetectionOptions options) {
        this.graph = graph;
        this.data = data;
        this.traits = traits;
        this.options = options;
        int n = graph.accountCount();
        totalWeight = new double[n];
        for (int e = 0; e < graph.edgeCount(); e++) {
            totalWeight[graph.source(e)] += graph.weight(e);
            totalWeight[graph.target(e)] += graph.weight(e);
        }
        int empty = 0;
        int few = 0;
        double rt = 0;
        double quick = 0;
        int[] clientCount = new int[traits.clients.size()];
        int active = 0;
        for (int a = 0; a < n; a++) {
            if (traits.posts[a] == 0) {
                continue; // known only as an author or a mention: not part of the baselines
            }
            active++;
            empty += traits.emptyProfile[a] ? 1 : 0;
            few += traits.fewFollowers(a) ? 1 : 0;
            rt += traits.retweetRatio(a);
            quick += data.quickShare(a);
            if (traits.client[a] >= 0) {
                clientCount[traits.client[a]]++;
            }
        }
        quickAll = active == 0 ? 0 : quick / active;
        emptyAll = active == 0 ? 0 : (double) empty / active;
        fewAll = active == 0 ? 0 : (double) few / active;
        rtAll = active == 0 ? 0 : rt / active;
        clientShareAll = new double[clientCount.length];
        for (int c = 0; c < clientCount.length; c++) {
            clientShareAll[c] = active == 0 ? 0 : (double) clientCount[c] / active;
        }
    }

    /** Scores the communities of at least {@value #MIN_CLUSTER_SIZE} members, best first. */
    public List<Scored> score(List<int[]> communities) {
        int n = graph.accountCount();
        int[] communityOf = new int[n];
        Arrays.fill(communityOf, -1);
        for (int c = 0; c < communities.size(); c++) {
            if (communities.get(c).length >= MIN_CLUSTER_SIZE) {
                for (int v : communities.get(c)) {
                    communityOf[v] = c;
                }
            }
        }
        List<IntArrayList> internal = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            internal.add(new IntArrayList());
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            int c = communityOf[graph.source(e)];
            if (c >= 0 && c == communityOf[graph.target(e)]) {
                internal.get(c).add(e);
            }
        }
        List<Scored> out = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            if (communities.get(c).length >= MIN_CLUSTER_SIZE) {
                out.add(scoreOne(communities.get(c), internal.get(c)));
            }
        }
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
        return out;
    }

    private Scored scoreOne(int[] members, IntArrayList edges) {
        int n = members.length;
        double pairs = n * (n - 1) / 2.0;
        Int2IntOpenHashMap pos = new Int2IntOpenHashMap(n);
        for (int i = 0; i < n; i++) {
            pos.put(members[i], i);
        }
        double[] inWeight = new double[n];
        long[] inSupport = new long[n];
        int[] inDegree = new int[n];
        int[] maxSupport = new int[n];
        SignalKind[] kinds = SignalKind.values();
        long[] supportBySignal = new long[kinds.length];
        int[] edgesBySignal = new int[kinds.length];
        List<LongArrayList> gaps = new ArrayList<>();
        // per signal: object -> {members seen acting on it (bitset as a set), first time, last time}
        List<it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<SharedObject>> shared = new ArrayList<>();
        List<IntOpenHashSet> objects = new ArrayList<>();
        for (int k = 0; k < kinds.length; k++) {
            gaps.add(new LongArrayList());
            objects.add(new IntOpenHashSet());
            shared.add(new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>());
        }
        long support = 0;
        List<it.unimi.dsi.fastutil.longs.LongOpenHashSet> memberObjects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            memberObjects.add(new it.unimi.dsi.fastutil.longs.LongOpenHashSet());
        }
        for (int i = 0; i < edges.size(); i++) {
            int e = edges.getInt(i);
            int s = pos.get(graph.source(e));
            int t = pos.get(graph.target(e));
            int sup = graph.totalSupport(e);
            support += sup;
            inWeight[s] += graph.weight(e);
            inWeight[t] += graph.weight(e);
            inSupport[s] += sup;
            inSupport[t] += sup;
            inDegree[s]++;
            inDegree[t]++;
            maxSupport[s] = Math.max(maxSupport[s], sup);
            maxSupport[t] = Math.max(maxSupport[t], sup);
            for (SignalKind k : graph.signals()) {
                int ks = graph.support(e, k);
                if (ks > 0) {
                    supportBySignal[k.ordinal()] += ks;
                    edgesBySignal[k.ordinal()]++;
                }
            }
            for (Evidence ev : graph.evidence(e)) {
                gaps.get(ev.signal().ordinal()).add(ev.delaySeconds());
                objects.get(ev.signal().ordinal()).add(ev.object());
                long key = (long) ev.signal().ordinal() << 32 | ev.object();
                memberObjects.get(s).add(key);
                memberObjects.get(t).add(key);
                SharedObject so = shared.get(ev.signal().ordinal()).computeIfAbsent(ev.object(), x -> new SharedObject());
                so.add(s, ev.sourceTime());
                so.add(t, ev.targetTime());
            }
        }
        double coordination = coordination(support / pairs, 2.0 * support / n);
        double volume = 1 - Math.exp(-support / VOLUME_SCALE);

        // traits
        long[] burst = burstWindow(members);
        int inBurst = (int) burst[0];
        double burstTrait = inBurst >= MIN_CLUSTER_SIZE ? (double) inBurst / n : 0;
        int[] clientCounts = new int[traits.clients.size()];
        int empty = 0;
        int few = 0;
        double rt = 0;
        double quick = 0;
        long[] followers = new long[n];
        int knownFollowers = 0;
        for (int m : members) {
            if (traits.client[m] >= 0) {
                clientCounts[traits.client[m]]++;
            }
            empty += traits.emptyProfile[m] ? 1 : 0;
            few += traits.fewFollowers(m) ? 1 : 0;
            rt += traits.retweetRatio(m);
            quick += data.quickShare(m);
            if (traits.followers[m] >= 0) {
                followers[knownFollowers++] = traits.followers[m];
            }
        }
        int topClient = -1;
        for (int c = 0; c < clientCounts.length; c++) {
            if (clientCounts[c] > 0 && (topClient < 0 || clientCounts[c] > clientCounts[topClient])) {
                topClient = c;
            }
        }
        double clientTrait = topClient < 0 ? 0 : lift((double) clientCounts[topClient] / n, clientShareAll[topClient]);
        double emptyTrait = lift((double) empty / n, emptyAll);
        double fewTrait = lift((double) few / n, fewAll);
        double rtTrait = lift(rt / n, rtAll);
        double quickTrait = lift(quick / n, quickAll);
        double traitScore = (burstTrait + clientTrait + emptyTrait + fewTrait + rtTrait + quickTrait) / TRAITS;
        double score = (COORDINATION_WEIGHT * coordination + (1 - COORDINATION_WEIGHT) * traitScore) * volume;

        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%d accounts: %,d of %,d pairs coordinated (density %.0f%%), %,d shared"
                + " co-actions in all, %.1f per pair", n, edges.size(), (long) pairs, 100 * edges.size() / pairs,
                support, support / pairs));
        for (SignalKind k : graph.signals()) {
            if (supportBySignal[k.ordinal()] == 0) {
                continue;
            }
            long window = new TimeWindow(options.signal(k).windowSeconds(), options.resolutionSeconds())
                    .effectiveWindowSeconds();
            StringBuilder r = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %,d shared %s within %d s between %,d pairs (median gap %d s in the evidence, at least %,d"
                            + " distinct %s)", k.id(), supportBySignal[k.ordinal()], noun(k), window,
                    edgesBySignal[k.ordinal()], median(gaps.get(k.ordinal())), objects.get(k.ordinal()).size(),
                    objectNoun(k)));
            if (k == SignalKind.CO_RETWEET) {
                r.append(amplified(objects.get(k.ordinal())));
            } else {
                r.append(topObjects(k, objects.get(k.ordinal())));
            }
            reasons.add(r.toString());
            reasons.add(topShared(k, shared.get(k.ordinal())));
        }
        if (inBurst >= MIN_CLUSTER_SIZE) {
            reasons.add(String.format(Locale.ROOT, "%d of %d accounts created within %d h (%s..%s)", inBurst, n,
                    BURST_HOURS, DAY.format(Instant.ofEpochSecond(burst[1])), DAY.format(Instant.ofEpochSecond(burst[2]))));
        }
        if (topClient >= 0) {
            reasons.add(String.format(Locale.ROOT, "%d of %d post mostly with client '%s' (%.0f%% of all accounts do)",
                    clientCounts[topClient], n, traits.clients.get(topClient), 100 * clientShareAll[topClient]));
        }
        reasons.add(String.format(Locale.ROOT, "%d of %d have empty profiles (%.0f%% of all accounts)", empty, n,
                100 * emptyAll));
        long[] known = Arrays.copyOf(followers, knownFollowers);
        Arrays.sort(known);
        if (knownFollowers > 0) {
            reasons.add(String.format(Locale.ROOT, "median followers %,d; %d of %d under %d (%.0f%% of all accounts)",
                    known[knownFollowers / 2], few, n, AccountTraits.FEW_FOLLOWERS, 100 * fewAll));
        }
        reasons.add(String.format(Locale.ROOT, "retweet ratio %.0f%% (all accounts: %.0f%%)", 100 * rt / n, 100 * rtAll));
        reasons.add(String.format(Locale.ROOT, "%.0f%% of their retweets within %d min of the original (all accounts:"
                + " %.0f%%)", 100 * quick / n, SignalData.QUICK_SECONDS / 60, 100 * quickAll));

        double[] strength = new double[n];
        double[] memberScore = new double[n];
        List<List<String>> memberReasons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = members[i];
            strength[i] = totalWeight[a] == 0 ? 0 : inWeight[i] / totalWeight[a];
            // the member's own repetition: distinct shared objects (from the edges' evidence), not pair-object
            // sums, so an account that happened to meet a large group's wave twice does not count 2 x 40
            // (the evidence keeps the rarest objects of each edge, so when every pair shares the same objects it
            // under-counts: the largest support of one of its edges is a lower bound too)
            double own = 1 - Math.exp(-(double) distinct(memberObjects.get(i).size(), maxSupport[i]) / OBJECT_SCALE);
            double ownVolume = 1 - Math.exp(-inSupport[i] / (VOLUME_SCALE / 2));
            boolean created = inBurst >= MIN_CLUSTER_SIZE && traits.created[a] >= burst[1]
                    && traits.created[a] <= burst[2];
            boolean sameClient = topClient >= 0 && traits.client[a] == topClient && clientTrait > 0;
            double ownTraits = ((created ? 1 : 0) + (sameClient ? 1 : 0) + (traits.emptyProfile[a] ? 1 : 0)
                    + (traits.fewFollowers(a) ? 1 : 0) + (traits.retweetRatio(a) > rtAll ? 1 : 0)
                    + (data.quickShare(a) > quickAll ? 1 : 0)) / (double) TRAITS;
            memberScore[i] = Math.min(score, (COORDINATION_WEIGHT * own + (1 - COORDINATION_WEIGHT) * ownTraits)
                    * ownVolume * Math.sqrt(strength[i]));
            List<String> mr = new ArrayList<>();
            mr.add(String.format(Locale.ROOT, "co-acted with %d of the %d other members on %,d shared objects (at least"
                    + " %,d distinct; in the evidence: %s)", inDegree[i], n - 1, inSupport[i],
                    distinct(memberObjects.get(i).size(), maxSupport[i]),
                    bySignal(memberObjects.get(i))));
            mr.add(String.format(Locale.ROOT, "%.0f%% of its coordination weight is inside the cluster", 100 * strength[i]));
            if (created) {
                mr.add("created " + DAY.format(Instant.ofEpochSecond(traits.created[a])) + ", inside the cluster's "
                        + BURST_HOURS + " h creation burst");
            }
            if (sameClient) {
                mr.add("posts mostly with client '" + traits.clients.get(topClient) + "', like " + (clientCounts[topClient] - 1)
                        + " other members");
            }
            if (traits.emptyProfile[a]) {
                mr.add("empty profile");
            }
            if (traits.followers[a] >= 0) {
                mr.add(String.format(Locale.ROOT, "%,d followers", traits.followers[a]));
            }
            mr.add(String.format(Locale.ROOT, "retweet ratio %.0f%% of %,d posts", 100 * traits.retweetRatio(a),
                    traits.posts[a]));
            if (data.timedRetweets.length > a && data.timedRetweets[a] > 0) {
                mr.add(String.format(Locale.ROOT, "%d of %d retweets within %d min of the original",
                        data.quickRetweets[a], data.timedRetweets[a], SignalData.QUICK_SECONDS / 60));
            }
            memberReasons.add(List.copyOf(mr));
        }
        return new Scored(members, score, coordination, traitScore, edges.size(), support, List.copyOf(reasons),
                strength, memberScore, memberReasons);
    }

    /** {count, from, to}: the most members created within {@value #BURST_HOURS} h of each other. */
    private long[] burstWindow(int[] members) {
        long[] times = Arrays.stream(members).mapToLong(m -> traits.created[m]).filter(t -> t != Long.MIN_VALUE)
                .sorted().toArray();
        long span = BURST_HOURS * 3600L;
        long[] best = {0, 0, 0};
        int j = 0;
        for (int i = 0; i < times.length; i++) {
            while (times[i] - times[j] > span) {
                j++;
            }
            if (i - j + 1 > best[0]) {
                best = new long[] {i - j + 1, times[j], times[i]};
            }
        }
        return best;
    }

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
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "; posts of %d accounts amplified, most: ",
                top.size()));
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(data.authorIds.get(top.get(i)[0])).append(" (").append(top.get(i)[1])
                    .append(" tweets)");
        }
        return b.toString();
    }

    private String topObjects(SignalKind k, IntOpenHashSet objects) {
        int[] sorted = objects.toIntArray();
        Arrays.sort(sorted);
        StringBuilder b = new StringBuilder("; e.g. ");
        for (int i = 0; i < Math.min(3, sorted.length); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(data.objectKey(k, sorted[i])).append('"');
        }
        return b.toString();
    }

    /**
     * The geometric mean of density ({@code 1 - exp(-perPair / 2)}) and repetition per member
     * ({@code 1 - exp(-perMember / 8)}): a group whose members each co-act dozens of times scores high even when
     * its 10–20 minute waves make only some pairs meet within the window, while a large crowd with a few chance
     * co-actions per member stays low on density.
     */
    public static double coordination(double perPair, double perMember) {
        return Math.sqrt((1 - Math.exp(-perPair / SUPPORT_SCALE)) * (1 - Math.exp(-perMember / MEMBER_SCALE)));
    }

    /** Members and times seen acting on one object in a cluster's evidence. */
    private static final class SharedObject {
        final IntOpenHashSet members = new IntOpenHashSet();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(int member, long time) {
            members.add(member);
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
    }

    /**
     * The {@value #TOP_SHARED} objects the most members acted on, with when: e.g. "co-retweet, top shared:
     * tweet 1234 by 41 members between 14:02:05 and 14:02:51 UTC on 2019-10-03". Counted from the edges'
     * evidence (the rarest objects of each edge), so "at least".
     */
    private String topShared(SignalKind k, it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<SharedObject> objects) {
        List<it.unimi.dsi.fastutil.ints.Int2ObjectMap.Entry<SharedObject>> top = new ArrayList<>(objects.int2ObjectEntrySet());
        top.sort((x, y) -> x.getValue().members.size() != y.getValue().members.size()
                ? Integer.compare(y.getValue().members.size(), x.getValue().members.size())
                : Integer.compare(x.getIntKey(), y.getIntKey()));
        StringBuilder b = new StringBuilder(k.id()).append(", top shared: ");
        for (int i = 0; i < Math.min(TOP_SHARED, top.size()); i++) {
            SharedObject so = top.get(i).getValue();
            b.append(i == 0 ? "" : "; ").append(objectLabel(k)).append(' ')
                    .append(data.objectKey(k, top.get(i).getIntKey())).append(" by ").append(so.members.size())
                    .append(" members ");
            String day1 = DAY.format(Instant.ofEpochSecond(so.first));
            String day2 = DAY.format(Instant.ofEpochSecond(so.last));
            if (day1.equals(day2)) {
                b.append("between ").append(TIME.format(Instant.ofEpochSecond(so.first))).append(" and ")
                        .append(TIME.format(Instant.ofEpochSecond(so.last))).append(" UTC on ").append(day1);
            } else {
                b.append("between ").append(STAMP.format(Instant.ofEpochSecond(so.first))).append(" and ")
                        .append(STAMP.format(Instant.ofEpochSecond(so.last))).append(" UTC");
            }
        }
        return b.toString();
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

    private static int distinct(int inEvidence, int maxEdgeSupport) {
        return Math.max(inEvidence, maxEdgeSupport);
    }

    private static String bySignal(it.unimi.dsi.fastutil.longs.LongOpenHashSet objects) {
        int[] count = new int[SignalKind.values().length];
        objects.forEach((long key) -> count[(int) (key >>> 32)]++);
        StringBuilder b = new StringBuilder();
        for (SignalKind k : SignalKind.values()) {
            if (count[k.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(count[k.ordinal()]).append(' ').append(k.id());
            }
        }
        return b.toString();
    }

    private static double lift(double p, double base) {
        if (base >= 1) {
            return 0;
        }
        return Math.max(0, Math.min(1, (p - base) / (1 - base)));
    }

    private static long median(LongArrayList values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] v = values.toLongArray();
        Arrays.sort(v);
        return v[v.length / 2];
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
