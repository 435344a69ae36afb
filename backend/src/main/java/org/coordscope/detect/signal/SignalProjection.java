package org.coordscope.detect.signal;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Projects one signal's bipartite account × object actions onto account pairs: the sliding-window
 * core of {@link CoActionGraphBuilder}.
 *
 * <p>Actions are sorted by (object, time, account). Action {@code i} and {@code j} of one object
 * co-act when {@code |i - j| <= K} ({@code maxPairsPerAction}: each action meets at most the K
 * nearest later actions, hence at most 2K in all) and their ticks are within the window. The pairs are
 * accumulated <em>account by account</em> rather than in one global pair map: for account a, every
 * action of a is visited with its window neighbours, and support and weight of each partner b > a are
 * summed in dense arrays indexed by b. Pairs below the minimum support are discarded as soon as a is
 * done, so the pairs that co-act only once (97% of candidates in a synthetic 10-million-retweet run)
 * never occupy memory; a second walk over a's actions collects the evidence of the survivors.
 * Edges come out sorted by (a, b).
 *
 * <p>Cost: O(n + objects + accounts) to sort and index, plus O(Σ window neighbours) ≤ O(2K·n) array
 * updates, each event visited from both ends. Memory: 20 bytes per action (the actions and a
 * by-account index; sorting briefly needs 16 more), about 30 bytes per account of scratch, and the
 * surviving edges (24 bytes each plus 16 per evidence entry).
 */
final class SignalProjection {

    private final SignalKind kind;
    private final SignalOptions opt;
    private final TimeWindow window;
    private final int accountCount;
    private final int evidenceK;
    private final boolean crowded;

    private int[] acc;
    private int[] obj;
    private long[] time;
    private int n;
    private int resolution;
    private long windowTicks;
    private int k;
    private double[] idf; // per object id
    // per sorted action: the position of the first action of its episode (null: episodes off, the object
    // is the unit); ascending within an object, so an account's units come in ascending order
    private int[] episode;
    private int episodes;
    private boolean[] skip; // per object id: fewer than 2 accounts, or above maxObjectAccounts
    // the null model's slots (Significance): distinct window-long stretches of a unit each account occupies
    private int[] slotDegree;
    private long[] slotCrowd;
    private long occupancy;
    private int slots;

    SignalProjection(SignalKind kind, SignalOptions opt, int resolutionSeconds, int accountCount, int evidenceK) {
        this(kind, opt, resolutionSeconds, accountCount, evidenceK, false);
    }

    /** {@code crowded}: whether the null model discounts crowded slots ({@link #slotsFor}). */
    SignalProjection(
            SignalKind kind,
            SignalOptions opt,
            int resolutionSeconds,
            int accountCount,
            int evidenceK,
            boolean crowded) {
        this.crowded = crowded;
        this.kind = kind;
        this.opt = opt;
        this.window = new TimeWindow(opt.windowSeconds(), resolutionSeconds);
        this.accountCount = accountCount;
        this.evidenceK = evidenceK;
    }

    /**
     * The pairs of one signal, sorted by key ({@code a << 32 | b}, a < b), with support and weight. The
     * evidence of pair e is at {@code [evStart[e], evStart[e + 1])}: object, the source's time and the
     * target's delay relative to it (16 bytes an entry); an object's idf is {@code idf[object]}.
     */
    record SignalEdges(
            SignalKind kind,
            long[] keys,
            int[] support,
            double[] weight,
            double[] logP,
            int[] evStart,
            int[] evObject,
            long[] evTime,
            int[] evDelay,
            double[] idf,
            SignalStats stats) {

        int size() {
            return keys.length;
        }
    }

    SignalEdges project(Actions actions) {
        if (actions.maxAccount() >= accountCount) {
            throw new IllegalArgumentException(
                    kind.id() + ": account id " + actions.maxAccount() + " outside [0, " + accountCount + ")");
        }
        actions.sortByObjectTime();
        n = actions.size();
        acc = actions.accountArray();
        obj = actions.objectArray();
        time = actions.timeArray();
        resolution = window.resolutionSeconds();
        windowTicks = window.windowTicks();
        k = opt.maxPairsPerAction();

        int activeAccounts = Math.max(countDistinctAccounts(), actions.activeAccounts());
        int[] objectCounts = objectIdf(actions.maxObject() + 1, activeAccounts);
        episode = opt.episodes() ? episodes() : null;
        slotDegree = new int[accountCount];
        slotCrowd = new long[accountCount];
        slots = countSlots();

        // by-account index of positions in the sorted actions; ascending, so an account's actions on
        // one object are contiguous
        int[] start = new int[accountCount + 1];
        for (int i = 0; i < n; i++) {
            start[acc[i] + 1]++;
        }
        for (int a = 0; a < accountCount; a++) {
            start[a + 1] += start[a];
        }
        int[] next = Arrays.copyOf(start, accountCount);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[next[acc[i]]++] = i;
        }
        next = null;

        Output out = new Output(evidenceK);
        Scratch sc = new Scratch(accountCount);
        long capped = 0;
        long events = 0;
        long candidates = 0;
        for (int a = 0; a < accountCount; a++) {
            int from = start[a];
            int to = start[a + 1];
            if (from == to) {
                continue;
            }
            sc.touched = 0;
            for (int p = from; p < to; p++) {
                int i = positions[p];
                int o = obj[i];
                if (skip[o]) {
                    continue;
                }
                if (isCapped(i)) {
                    capped++;
                }
                double w = idf[o];
                long lo = tick(i) - windowTicks;
                long hi = tick(i) + windowTicks;
                int jFrom = Math.max(0, i - k);
                int jTo = (int) Math.min(n - 1, (long) i + k);
                int unit = unit(i);
                for (int j = i - 1; j >= jFrom && obj[j] == o && tick(j) >= lo; j--) {
                    events += sc.count(a, acc[j], unit, w);
                }
                for (int j = i + 1; j <= jTo && obj[j] == o && tick(j) <= hi; j++) {
                    events += sc.count(a, acc[j], unit, w);
                }
            }
            candidates += sc.touched;
            int firstEdge = out.size;
            // keep the partners meeting the minimum support (most do not), then sort only those
            int kept = 0;
            for (int x = 0; x < sc.touched; x++) {
                int b = sc.touchedList[x];
                if (sc.support[b] >= opt.minSupport()) {
                    sc.touchedList[kept++] = b;
                } else {
                    sc.support[b] = 0;
                }
            }
            IntArrays.quickSort(sc.touchedList, 0, kept);
            for (int x = 0; x < kept; x++) {
                int b = sc.touchedList[x];
                double logP = Significance.logUpperTail(slotsFor(a, b), slotDegree[a], slotDegree[b], sc.support[b]);
                sc.edgeOf[b] = out.add(a, b, sc.support[b], sc.weight[b], logP);
                sc.support[b] = 0;
            }
            if (out.size > firstEdge && evidenceK > 0) {
                out.open(firstEdge);
                collectEvidence(a, positions, from, to, sc, out);
            }
            out.seal(firstEdge);
            for (int e = firstEdge; e < out.size; e++) {
                sc.edgeOf[(int) out.keys[e]] = -1;
            }
        }
        SignalStats stats = new SignalStats(
                kind,
                n,
                activeAccounts,
                objectCounts[0],
                objectCounts[1],
                episode == null ? objectCounts[0] : episodes,
                capped,
                events,
                candidates,
                out.size);
        episode = null;
        slotDegree = null;
        slotCrowd = null;
        int e = out.size;
        int ev = out.evSize;
        // trimmed one array at a time, so that the transient copy is one array, not all
        return new SignalEdges(
                kind,
                LongArrays.trim(out.keys, e),
                IntArrays.trim(out.support, e),
                DoubleArrays.trim(out.weight, e),
                DoubleArrays.trim(out.logP, e),
                IntArrays.trim(out.evStart, e + 1),
                IntArrays.trim(out.evObject, ev),
                LongArrays.trim(out.evTime, ev),
                IntArrays.trim(out.evDelay, ev),
                idf,
                stats);
    }

    /**
     * One signal's edges tested at two windows ({@link SignalOptions#slowWindowSeconds()}): each pair's p-value is
     * the smaller of its two, times 2 (Bonferroni over the windows). A pair of the slow projection whose p-value
     * times the slow projection's candidate pairs is at most {@code fdr} (Bonferroni) links with its slow
     * co-actions: support, weight and evidence of the slow window, where they are more than the fast window's. The
     * slow window's other pairs are dropped: half an hour joins many organic pairs that their activity explains.
     * Both projections share the objects, hence the idf.
     */
    static SignalEdges withSlowWindow(SignalEdges fast, SignalEdges slow, double fdr) {
        double bonferroni = Math.log(2);
        double[] slowP = new double[slow.size()];
        for (int i = 0; i < slowP.length; i++) {
            slowP[i] = Math.min(0, slow.logP()[i] + bonferroni);
        }
        // Bonferroni over the slow projection's candidate pairs, not a false discovery rate: a rate lets in more
        // chance pairs the more true ones there are, and half an hour gives many (see the class comment)
        double cut = Math.log(fdr) - Math.log(Math.max(1, slow.stats().candidatePairs()));
        int cap = fast.size() + slow.size();
        long[] keys = new long[cap];
        int[] support = new int[cap];
        double[] weight = new double[cap];
        double[] logP = new double[cap];
        int[] evStart = new int[cap + 1];
        int evCap = fast.evObject().length + slow.evObject().length;
        int[] evObject = new int[evCap];
        long[] evTime = new long[evCap];
        int[] evDelay = new int[evCap];
        int e = 0;
        int ev = 0;
        int i = 0;
        int j = 0;
        while (i < fast.size() || j < slow.size()) {
            long fk = i < fast.size() ? fast.keys()[i] : Long.MAX_VALUE;
            long sk = j < slow.size() ? slow.keys()[j] : Long.MAX_VALUE;
            boolean hasFast = fk <= sk;
            boolean hasSlow = sk <= fk && slowP[j] <= cut;
            if (!hasFast && !hasSlow) {
                j++;
                continue;
            }
            boolean useSlow = hasSlow && (!hasFast || slow.support()[j] > fast.support()[i]);
            SignalEdges from = useSlow ? slow : fast;
            int x = useSlow ? j : i;
            keys[e] = from.keys()[x];
            support[e] = from.support()[x];
            weight[e] = from.weight()[x];
            logP[e] = Math.min(
                    hasFast ? Math.min(0, fast.logP()[i] + bonferroni) : 0, sk == fk || hasSlow ? slowP[j] : 0);
            evStart[e] = ev;
            for (int y = from.evStart()[x]; y < from.evStart()[x + 1]; y++) {
                evObject[ev] = from.evObject()[y];
                evTime[ev] = from.evTime()[y];
                evDelay[ev] = from.evDelay()[y];
                ev++;
            }
            e++;
            if (fk <= sk) {
                i++;
            }
            if (sk <= fk) {
                j++;
            }
        }
        evStart[e] = ev;
        SignalStats st = fast.stats();
        SignalStats stats = new SignalStats(
                st.signal(),
                st.actions(),
                st.activeAccounts(),
                st.objects(),
                st.objectsSkipped(),
                st.episodes(),
                st.actionsCapped(),
                st.pairEvents() + slow.stats().pairEvents(),
                Math.max(st.candidatePairs(), slow.stats().candidatePairs()),
                e);
        return new SignalEdges(
                fast.kind(),
                Arrays.copyOf(keys, e),
                Arrays.copyOf(support, e),
                Arrays.copyOf(weight, e),
                Arrays.copyOf(logP, e),
                Arrays.copyOf(evStart, e + 1),
                Arrays.copyOf(evObject, ev),
                Arrays.copyOf(evTime, ev),
                Arrays.copyOf(evDelay, ev),
                fast.idf(),
                stats);
    }

    /** Second walk over a's actions: evidence of the pairs (a, b) that met the minimum support. */
    private void collectEvidence(int a, int[] positions, int from, int to, Scratch sc, Output out) {
        for (int p = from; p < to; p++) {
            int i = positions[p];
            int o = obj[i];
            if (skip[o]) {
                continue;
            }
            long lo = tick(i) - windowTicks;
            long hi = tick(i) + windowTicks;
            int jFrom = Math.max(0, i - k);
            int jTo = (int) Math.min(n - 1, (long) i + k);
            int unit = unit(i);
            for (int j = i - 1; j >= jFrom && obj[j] == o && tick(j) >= lo; j--) {
                int b = acc[j];
                if (b > a && sc.edgeOf[b] >= 0) {
                    out.evidence(sc.edgeOf[b], o, unit, idf[o], time[i], time[j]);
                }
            }
            for (int j = i + 1; j <= jTo && obj[j] == o && tick(j) <= hi; j++) {
                int b = acc[j];
                if (b > a && sc.edgeOf[b] >= 0) {
                    out.evidence(sc.edgeOf[b], o, unit, idf[o], time[i], time[j]);
                }
            }
        }
    }

    private int countDistinctAccounts() {
        BitSet seen = new BitSet(accountCount);
        for (int i = 0; i < n; i++) {
            seen.set(acc[i]);
        }
        return seen.cardinality();
    }

    /** Fills {@link #idf} and {@link #skip}; returns {objects acted on, objects skipped by the cap}. */
    private int[] objectIdf(int objects, int activeAccounts) {
        idf = new double[objects];
        skip = new boolean[objects];
        int[] stamp = new int[accountCount];
        Arrays.fill(stamp, -1);
        int seen = 0;
        int skipped = 0;
        for (int from = 0; from < n; ) {
            int o = obj[from];
            int to = from;
            int distinct = 0;
            while (to < n && obj[to] == o) {
                if (stamp[acc[to]] != o) {
                    stamp[acc[to]] = o;
                    distinct++;
                }
                to++;
            }
            seen++;
            // idf(o) = ln(N / n_o); an object every active account touched weighs 0
            idf[o] = Math.log((double) activeAccounts / distinct);
            if (distinct < 2) {
                skip[o] = true;
            } else if (opt.maxObjectAccounts() > 0 && distinct > opt.maxObjectAccounts()) {
                skip[o] = true;
                skipped++;
            }
            from = to;
        }
        return new int[] {seen, skipped};
    }

    /**
     * Splits each object's time-sorted actions into episodes at every quiet gap longer than
     * {@code max(episode gap, window)} (in ticks). Because the gap is at least the window, no co-action
     * straddles two episodes: the unit of a co-action is the episode of either of its actions.
     */
    private int[] episodes() {
        long gapTicks = Math.max(new TimeWindow(opt.episodeGapSeconds(), resolution).windowTicks(), windowTicks);
        int[] ep = new int[n];
        episodes = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || obj[i] != obj[i - 1] || tick(i) - tick(i - 1) > gapTicks) {
                ep[i] = i;
                if (!skip[obj[i]]) {
                    episodes++;
                }
            } else {
                ep[i] = ep[i - 1];
            }
        }
        return ep;
    }

    /**
     * Counts the null model's slots ({@link Significance}): a slot is a window-long stretch of time of one unit
     * (object or episode), so that consecutive sorted actions share a slot while unit and stretch agree. Fills
     * each account's number of distinct slots and the sum of the crowds (distinct accounts) of those slots, and
     * {@link #occupancy}, the crowds summed over all slots; returns the number of occupied slots.
     */
    private int countSlots() {
        long width = Math.max(1, windowTicks);
        int[] stamp = new int[accountCount];
        Arrays.fill(stamp, -1);
        int count = 0;
        int slotStart = 0;
        int crowd = 0;
        occupancy = 0;
        for (int i = 0; i <= n; i++) {
            boolean opens = i == n
                    || i == 0
                    || obj[i] != obj[i - 1]
                    || unit(i) != unit(i - 1)
                    || Math.floorDiv(tick(i), width) != Math.floorDiv(tick(i - 1), width);
            if (opens && i > 0) {
                // the slot [slotStart, i) is complete: each distinct account in it gets its crowd
                for (int x = slotStart; x < i; x++) {
                    if (stamp[acc[x]] == count) {
                        stamp[acc[x]] = -2 - count;
                        slotCrowd[acc[x]] += crowd;
                    }
                }
                occupancy += crowd;
            }
            if (i == n) {
                break;
            }
            if (opens) {
                count++;
                slotStart = i;
                crowd = 0;
            }
            if (stamp[acc[i]] != count && stamp[acc[i]] != -2 - count) {
                stamp[acc[i]] = count;
                slotDegree[acc[i]]++;
                crowd++;
            }
        }
        return Math.max(1, count);
    }

    /**
     * The null model's number of slots for the pair (a, b): the occupied slots, or fewer when the accounts act in
     * crowded slots. An account whose slots hold c accounts on average picks, under a null where slots are chosen
     * in proportion to their crowd, among occupancy / c equally likely slots (the total when every slot holds the
     * same crowd); the pair takes the more crowded of its two accounts, so that two accounts who only ever join
     * storms of hundreds are not a rare match.
     */
    private long slotsFor(int a, int b) {
        if (!crowded) {
            return slots;
        }
        double crowdA = (double) slotCrowd[a] / Math.max(1, slotDegree[a]);
        double crowdB = (double) slotCrowd[b] / Math.max(1, slotDegree[b]);
        long effective = (long) (occupancy / Math.max(1, Math.max(crowdA, crowdB)));
        return Math.max(Math.max(slotDegree[a], slotDegree[b]), Math.min(slots, effective));
    }

    /** The unit support counts for action i: its episode, or its object when episodes are off. */
    private int unit(int i) {
        return episode == null ? obj[i] : episode[i];
    }

    private long tick(int i) {
        return resolution == 1 ? time[i] : Math.floorDiv(time[i], resolution);
    }

    /** Whether action i's window holds more than K later actions, so that some were not paired. */
    private boolean isCapped(int i) {
        long j = (long) i + k + 1;
        return j < n && obj[(int) j] == obj[i] && tick((int) j) <= tick(i) + windowTicks;
    }

    /** Dense per-partner accumulators for the current account a. */
    private static final class Scratch {
        final int[] support;
        final double[] weight;
        final int[] lastUnit;
        final int[] edgeOf;
        int[] touchedList = new int[64];
        int touched;

        Scratch(int accounts) {
            support = new int[accounts];
            weight = new double[accounts];
            lastUnit = new int[accounts];
            edgeOf = new int[accounts];
            Arrays.fill(edgeOf, -1);
        }

        /** One co-action of a with b in unit u (object or episode); returns 1 if it is an event counted from this side. */
        int count(int a, int b, int u, double w) {
            // each unordered pair is accumulated from its smaller account only; self-pairs never
            if (b <= a) {
                return 0;
            }
            if (support[b] == 0) {
                if (touched == touchedList.length) {
                    touchedList = IntArrays.grow(touchedList, touched + 1);
                }
                touchedList[touched++] = b;
                support[b] = 1;
                weight[b] = w;
                lastUnit[b] = u;
            } else if (lastUnit[b] != u) {
                // support counts distinct units (a's units arrive in ascending order): a or b acting twice in
                // one unit counts it once
                support[b]++;
                weight[b] += w;
                lastUnit[b] = u;
            }
            return 1;
        }
    }

    /**
     * Growable edge arrays and evidence in compressed rows: while account a is collected, its edges'
     * evidence sits in k slots per edge ({@code slot*}); {@link #seal(int)} then appends only the used
     * slots, so memory is spent on evidence that exists, not on k per edge.
     */
    private static final class Output {
        final int k;
        long[] keys = new long[1024];
        int[] support = new int[1024];
        double[] weight = new double[1024];
        double[] logP = new double[1024];
        int size;
        int[] evStart = new int[1025];
        int[] evObject = new int[1024];
        long[] evTime = new long[1024];
        int[] evDelay = new int[1024];
        int evSize;
        // slots of the edges of the current account, indexed (e - firstOpen) * k
        int firstOpen = -1;
        int[] slotObject = new int[0];
        int[] slotUnit = new int[0];
        double[] slotIdf = new double[0];
        long[] slotA = new long[0];
        long[] slotB = new long[0];

        Output(int k) {
            this.k = k;
        }

        /** Growth by half: the slack of growable arrays is the largest transient cost at scale. */
        private static int grow(int length, int needed) {
            return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, length + (long) (length >> 1)));
        }

        int add(int a, int b, int s, double w, double lp) {
            if (size == keys.length) {
                int cap = grow(size, size + 1);
                keys = LongArrays.forceCapacity(keys, cap, size);
                support = IntArrays.forceCapacity(support, cap, size);
                weight = DoubleArrays.forceCapacity(weight, cap, size);
                logP = DoubleArrays.forceCapacity(logP, cap, size);
                evStart = IntArrays.forceCapacity(evStart, cap + 1, size + 1);
            }
            keys[size] = ((long) a << 32) | b;
            support[size] = s;
            weight[size] = w;
            logP[size] = lp;
            return size++;
        }

        /** Opens evidence slots for the edges from {@code firstEdge} to the last added. */
        void open(int firstEdge) {
            firstOpen = firstEdge;
            int len = Math.multiplyExact(size - firstEdge, k);
            if (slotObject.length < len) {
                int cap = Math.max(len, 2 * slotObject.length);
                slotObject = new int[cap];
                slotUnit = new int[cap];
                slotIdf = new double[cap];
                slotA = new long[cap];
                slotB = new long[cap];
            }
            Arrays.fill(slotObject, 0, len, -1);
        }

        /**
         * Keeps, per edge, the k rarest units (objects, or episodes of objects); per unit the closest pair of
         * times. Units arrive in ascending order per edge, so replacing only on a strictly rarer object keeps
         * the lower object id, then the earlier episode, on ties.
         */
        void evidence(int e, int o, int unit, double idf, long ta, long tb) {
            int base = (e - firstOpen) * k;
            int free = -1;
            int weakest = -1;
            for (int x = base; x < base + k; x++) {
                if (slotObject[x] >= 0 && slotUnit[x] == unit) {
                    if (Math.abs(ta - tb) < Math.abs(slotA[x] - slotB[x])) {
                        slotA[x] = ta;
                        slotB[x] = tb;
                    }
                    return;
                }
                if (slotObject[x] < 0) {
                    if (free < 0) {
                        free = x;
                    }
                } else if (weakest < 0 || slotIdf[x] < slotIdf[weakest]) {
                    weakest = x;
                }
            }
            int at = free >= 0 ? free : (idf > slotIdf[weakest] ? weakest : -1);
            if (at >= 0) {
                slotObject[at] = o;
                slotUnit[at] = unit;
                slotIdf[at] = idf;
                slotA[at] = ta;
                slotB[at] = tb;
            }
        }

        /** Appends the evidence of the edges from {@code firstEdge} on, rarest first, then by object id and time. */
        void seal(int firstEdge) {
            for (int e = firstEdge; e < size; e++) {
                evStart[e] = evSize;
                if (firstOpen != firstEdge) {
                    continue;
                }
                int base = (e - firstEdge) * k;
                int used = 0;
                while (used < k && slotObject[base + used] >= 0) {
                    used++;
                }
                for (int x = base + 1; x < base + used; x++) {
                    for (int y = x; y > base && before(y, y - 1); y--) {
                        swap(y, y - 1);
                    }
                }
                if (evSize + used > evObject.length) {
                    int cap = grow(evObject.length, evSize + used);
                    evObject = IntArrays.forceCapacity(evObject, cap, evSize);
                    evTime = LongArrays.forceCapacity(evTime, cap, evSize);
                    evDelay = IntArrays.forceCapacity(evDelay, cap, evSize);
                }
                for (int x = base; x < base + used; x++) {
                    evObject[evSize] = slotObject[x];
                    evTime[evSize] = slotA[x];
                    // within the window, so the delay fits an int (windows are capped in SignalOptions)
                    evDelay[evSize] = Math.toIntExact(slotB[x] - slotA[x]);
                    evSize++;
                }
            }
            evStart[size] = evSize;
            firstOpen = -1;
        }

        private boolean before(int x, int y) {
            return slotIdf[x] > slotIdf[y]
                    || (slotIdf[x] == slotIdf[y]
                            && (slotObject[x] < slotObject[y]
                                    || slotObject[x] == slotObject[y] && slotUnit[x] < slotUnit[y]));
        }

        private void swap(int x, int y) {
            IntArrays.swap(slotObject, x, y);
            IntArrays.swap(slotUnit, x, y);
            DoubleArrays.swap(slotIdf, x, y);
            LongArrays.swap(slotA, x, y);
            LongArrays.swap(slotB, x, y);
        }
    }
}
