package org.coordscope.detect.signal;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.io.BinIO;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Finds copy-pasted texts with small edits (words changed, added or reordered; emoji, URLs,
 * @mentions, case and punctuation ignored) and groups them into clusters that serve as the objects of
 * the {@link SignalKind#NEAR_TEXT} signal, so that windows, minimum support and IDF apply exactly as
 * for retweets. Retweets must be left out by the caller: a retweet is a duplicate by construction.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>Each text is normalised and shingled into word unigrams and bigrams ({@link TextShingles});
 *       texts with fewer than {@code minTokens} words are ignored (QUT's toolkit uses 5 too: short
 *       texts such as "good morning friends" collide by chance).</li>
 *   <li>MinHash (Broder 1997) with {@code bands × rows} hash functions, stored as <em>b-bit</em>
 *       MinHash with b = 8 (Li &amp; König, WWW 2010): one byte per function, 64 bytes per text at the
 *       defaults, computed while streaming; the text itself is not kept.</li>
 *   <li>LSH banding: per band, the band's bytes are hashed and all texts sorted by that hash; texts
 *       sharing a bucket are candidates. No all-pairs comparison: cost O(n log n) per band.</li>
 *   <li>Candidates are verified by the estimated Jaccard similarity
 *       Ĵ = (m − 2⁻⁸) / (1 − 2⁻⁸), m the fraction of equal bytes (the b-bit correction for chance
 *       byte collisions); pairs with Ĵ ≥ {@code threshold} are joined (union-find). A cluster is a
 *       connected component of verified pairs, kept when it holds texts of at least two accounts.
 *       Buckets larger than {@code maxBucketSize} (boilerplate) are verified against their first
 *       member only, O(size) instead of O(size²), and typically end as one big cluster whose IDF is
 *       small.</li>
 * </ol>
 * The time window is applied afterwards, by {@link CoActionGraphBuilder}, to the actions of
 * {@link NearDuplicateClusters#toActions()}.
 *
 * <h2>Defaults</h2>
 * Threshold 0.6 on unigram+bigram Jaccard. On a 20-word text (see the tests): one word replaced
 * gives 0.85, four words added 0.78, clauses reordered 0.90, two words replaced and one added 0.65;
 * four unrelated texts on the same topic score 0.03 to 0.21. CooRTweet and the QUT toolkit use 0.8
 * on word n-gram or word-set Jaccard, which misses edited copies. 16 bands × 4 rows put the LSH
 * S-curve's midpoint at (1/16)^(1/4) = 0.5: a pair at J = 0.6 becomes a candidate with probability
 * 1 − (1 − 0.6⁴)¹⁶ ≈ 0.89, at J = 0.7 ≈ 0.99, at J = 0.3 ≈ 0.12 (then rejected by verification).
 *
 * <p>Memory: {@code bands × rows} bytes + 12 bytes per kept text, plus 12 bytes per text while
 * clustering. Deterministic for a fixed seed and insertion order.
 */
public final class NearDuplicateText {

    private static final int CHUNK_BITS = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final NearTextOptions options;
    private final int sigLen;
    private final long[] mulA;
    private final long[] addB;
    private final long[] minScratch;
    private final List<byte[]> chunks = new ArrayList<>();
    private int[] accounts = new int[1024];
    private long[] times = new long[1024];
    private int size;

    public NearDuplicateText(NearTextOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options are required");
        }
        this.options = options;
        this.sigLen = options.bands() * options.rows();
        SplittableRandom rnd = new SplittableRandom(options.seed());
        mulA = new long[sigLen];
        addB = new long[sigLen];
        for (int i = 0; i < sigLen; i++) {
            mulA[i] = rnd.nextLong() | 1L;
            addB[i] = rnd.nextLong();
        }
        minScratch = new long[sigLen];
    }

    /**
     * Adds a text. Returns its index (dense, in order of addition among kept texts) for
     * {@link NearDuplicateClusters#clusterOf(int)}, or -1 when it has fewer than {@code minTokens} words.
     */
    public int add(int account, long epochSeconds, CharSequence text) {
        if (account < 0) {
            throw new IllegalArgumentException("account must be >= 0");
        }
        long[] shingles = shingleHashes(text);
        if (shingles == null) {
            return -1;
        }
        long[] min = minScratch;
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int f = 0; f < sigLen; f++) {
                // multiply-shift hashing: the high 32 bits of a·x + b are well mixed
                long v = (mulA[f] * x + addB[f]) >>> 32;
                if (v < min[f]) {
                    min[f] = v;
                }
            }
        }
        if (size == accounts.length) {
            // grow by half: at ten million texts the slack of doubling would cost more than the signatures
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, size + (long) (size >> 1));
            accounts = IntArrays.forceCapacity(accounts, cap, size);
            times = LongArrays.forceCapacity(times, cap, size);
        }
        if ((size & (CHUNK - 1)) == 0) {
            chunks.add(new byte[CHUNK * sigLen]);
        }
        byte[] chunk = chunks.get(size >>> CHUNK_BITS);
        int base = (size & (CHUNK - 1)) * sigLen;
        for (int f = 0; f < sigLen; f++) {
            // b-bit MinHash: keep 8 well-mixed bits of each minimum
            chunk[base + f] = (byte) (TextShingles.mix(min[f] + f) >>> 56);
        }
        accounts[size] = account;
        times[size] = epochSeconds;
        return size++;
    }

    /** Texts kept so far. */
    public int size() {
        return size;
    }

    /**
     * Puts the kept texts in another order, as if they had been added in it: the text at index {@code k} becomes
     * the one added as {@code order[k]}. Clustering depends on the order (cluster numbers, a large bucket's
     * anchor), so a caller that receives texts in no particular order sorts them by a stable key first.
     *
     * @param order a permutation of {@code 0..size()-1}
     */
    public void reorder(int[] order) {
        if (order.length != size) {
            throw new IllegalArgumentException("order has " + order.length + " entries for " + size + " texts");
        }
        List<byte[]> sorted = new ArrayList<>(chunks.size());
        int[] sortedAccounts = new int[accounts.length];
        long[] sortedTimes = new long[times.length];
        boolean[] seen = new boolean[size];
        for (int k = 0; k < size; k++) {
            int from = order[k];
            if (from < 0 || from >= size || seen[from]) {
                throw new IllegalArgumentException("order is not a permutation: " + from + " at " + k);
            }
            seen[from] = true;
            if ((k & (CHUNK - 1)) == 0) {
                sorted.add(new byte[CHUNK * sigLen]);
            }
            System.arraycopy(
                    chunks.get(from >>> CHUNK_BITS),
                    (from & (CHUNK - 1)) * sigLen,
                    sorted.get(k >>> CHUNK_BITS),
                    (k & (CHUNK - 1)) * sigLen,
                    sigLen);
            sortedAccounts[k] = accounts[from];
            sortedTimes[k] = times[from];
        }
        chunks.clear();
        chunks.addAll(sorted);
        accounts = sortedAccounts;
        times = sortedTimes;
    }

    /**
     * Writes the kept texts (accounts, times, signatures) and what the signatures depend on (bands, rows, minimum
     * words, seed), for {@link #read} to bring back without the texts: a detection projection keeps them.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(options.bands());
        out.writeInt(options.rows());
        out.writeInt(options.minTokens());
        out.writeLong(options.seed());
        out.writeInt(size);
        BinIO.storeInts(accounts, 0, size, out);
        BinIO.storeLongs(times, 0, size, out);
        for (int c = 0; c < chunks.size(); c++) {
            BinIO.storeBytes(chunks.get(c), 0, Math.min(CHUNK, size - (c << CHUNK_BITS)) * sigLen, out);
        }
    }

    /**
     * What {@link #write} wrote, to be clustered with {@code options}; empty when the signatures were computed with
     * other bands, rows, minimum words or seed than {@code options} has (threshold and bucket size may differ).
     */
    public static Optional<NearDuplicateText> read(DataInput in, NearTextOptions options) throws IOException {
        int bands = in.readInt();
        int rows = in.readInt();
        int minTokens = in.readInt();
        long seed = in.readLong();
        boolean same = bands == options.bands()
                && rows == options.rows()
                && minTokens == options.minTokens()
                && seed == options.seed();
        // read to the end in any case, with the signatures' own length, so what follows in the stream can be read
        NearTextOptions written =
                new NearTextOptions(options.threshold(), bands, rows, minTokens, options.maxBucketSize(), seed);
        int n = in.readInt();
        NearDuplicateText texts = new NearDuplicateText(written);
        texts.accounts = new int[Math.max(1, n)];
        texts.times = new long[Math.max(1, n)];
        BinIO.loadInts(in, texts.accounts, 0, n);
        BinIO.loadLongs(in, texts.times, 0, n);
        for (int from = 0; from < n; from += CHUNK) {
            byte[] chunk = new byte[CHUNK * texts.sigLen];
            BinIO.loadBytes(in, chunk, 0, Math.min(CHUNK, n - from) * texts.sigLen);
            texts.chunks.add(chunk);
        }
        texts.size = n;
        return same ? Optional.of(texts) : Optional.empty();
    }

    /** Clusters the texts added so far, the bands shared among the machine's cores. */
    public NearDuplicateClusters cluster() {
        return cluster(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Clusters the texts with up to {@code threads} threads, each joining the verified pairs of its own bands in its
     * own union-find; the forests are merged at the end. The clusters are the connected components of all verified
     * pairs, which do not depend on which thread found a pair, so any thread count gives the same clusters.
     */
    NearDuplicateClusters cluster(int threads) {
        int n = size;
        int minMatches = minMatches();
        int parts = Math.max(1, Math.min(threads, options.bands()));
        int[][] forests = IntStream.range(0, parts)
                .parallel()
                .mapToObj(part -> joinBands(part, parts, minMatches))
                .toArray(int[][]::new);
        int[] parent = forests[0];
        for (int t = 1; t < parts; t++) {
            int[] other = forests[t];
            for (int i = 0; i < n; i++) {
                int r = find(other, i);
                if (r != i) {
                    link(parent, i, r);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
        }
        // keep clusters with at least two accounts; ids in order of their first text
        int[] firstAccount = new int[n];
        boolean[] multi = new boolean[n];
        java.util.Arrays.fill(firstAccount, -1);
        for (int i = 0; i < n; i++) {
            int r = parent[i];
            if (firstAccount[r] < 0) {
                firstAccount[r] = accounts[i];
            } else if (firstAccount[r] != accounts[i]) {
                multi[r] = true;
            }
        }
        int[] idOfRoot = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            idOfRoot[i] = parent[i] == i && multi[i] ? clusters++ : -1;
        }
        int[] clusterOf = new int[n];
        java.util.BitSet active = new java.util.BitSet();
        for (int i = 0; i < n; i++) {
            clusterOf[i] = idOfRoot[parent[i]];
            active.set(accounts[i]);
        }
        return new NearDuplicateClusters(
                clusterOf,
                clusters,
                java.util.Arrays.copyOf(accounts, n),
                java.util.Arrays.copyOf(times, n),
                active.cardinality());
    }

    /** A union-find of the pairs verified in bands {@code first}, {@code first + step}, ... */
    private int[] joinBands(int first, int step, int minMatches) {
        int n = size;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        if (n < 2) {
            return parent;
        }
        int idxBits = 64 - Long.numberOfLeadingZeros(n - 1);
        long idxMask = (1L << idxBits) - 1;
        long[] packed = new long[n];
        for (int b = first; b < options.bands(); b += step) {
            for (int i = 0; i < n; i++) {
                packed[i] = (bandHash(i, b) & ~idxMask) | i;
            }
            LongArrays.radixSort(packed);
            int start = 0;
            for (int r = 1; r <= n; r++) {
                if (r == n || (packed[r] & ~idxMask) != (packed[start] & ~idxMask)) {
                    if (r - start > 1) {
                        verifyBucket(packed, start, r, idxMask, parent, minMatches);
                    }
                    start = r;
                }
            }
        }
        return parent;
    }

    /** Estimated Jaccard similarity of two kept texts, from their signatures. */
    public double estimatedSimilarity(int i, int j) {
        int m = matches(i, j);
        double p = (double) m / sigLen;
        double est = (p - 1.0 / 256) / (1 - 1.0 / 256);
        return Math.max(0, Math.min(1, est));
    }

    /**
     * Exact Jaccard similarity of two texts' shingle sets (unigrams and bigrams after normalisation):
     * what {@link #estimatedSimilarity(int, int)} estimates; for showing evidence.
     */
    public static double similarity(CharSequence a, CharSequence b) {
        LongOpenHashSet x = TextShingles.shingles(a);
        LongOpenHashSet y = TextShingles.shingles(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (long v : x) {
            if (y.contains(v)) {
                inter++;
            }
        }
        return (double) inter / (x.size() + y.size() - inter);
    }

    /** The normalised words of a text, as compared. */
    public static List<String> tokens(CharSequence text) {
        return TextShingles.tokens(text);
    }

    private long[] shingleHashes(CharSequence text) {
        long[][] hs = {new long[32]};
        int[] count = {0};
        TextShingles.forEachToken(text, (buf, len) -> {
            if (count[0] == hs[0].length) {
                hs[0] = java.util.Arrays.copyOf(hs[0], count[0] * 2);
            }
            hs[0][count[0]++] = TextShingles.tokenHash(buf, len);
        });
        int words = count[0];
        if (words < options.minTokens()) {
            return null;
        }
        long[] out = new long[2 * words - 1];
        System.arraycopy(hs[0], 0, out, 0, words);
        for (int i = 1; i < words; i++) {
            out[words + i - 1] = TextShingles.bigramHash(hs[0][i - 1], hs[0][i]);
        }
        return out;
    }

    /** Smallest number of equal bytes whose corrected estimate reaches the threshold. */
    private int minMatches() {
        double p = options.threshold() * (1 - 1.0 / 256) + 1.0 / 256;
        return (int) Math.ceil(p * sigLen - 1e-9);
    }

    private int matches(int i, int j) {
        byte[] ci = chunks.get(i >>> CHUNK_BITS);
        byte[] cj = chunks.get(j >>> CHUNK_BITS);
        int bi = (i & (CHUNK - 1)) * sigLen;
        int bj = (j & (CHUNK - 1)) * sigLen;
        // Eight bytes at a time: verification is most of near-text's cost on millions of texts.
        int differing = 0;
        int f = 0;
        for (; f + Long.BYTES <= sigLen; f += Long.BYTES) {
            long x = (long) LONGS.get(ci, bi + f) ^ (long) LONGS.get(cj, bj + f);
            // the top bit of each byte of y is set exactly when that byte of x is not zero
            long y = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
            differing += Long.bitCount(y & 0x8080808080808080L);
        }
        for (; f < sigLen; f++) {
            if (ci[bi + f] != cj[bj + f]) {
                differing++;
            }
        }
        return sigLen - differing;
    }

    private long bandHash(int i, int band) {
        byte[] c = chunks.get(i >>> CHUNK_BITS);
        int base = (i & (CHUNK - 1)) * sigLen + band * options.rows();
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int r = 0; r < options.rows(); r++) {
            h = (h ^ (c[base + r] & 0xff)) * 0x100000001b3L;
        }
        return TextShingles.mix(h);
    }

    private void verifyBucket(long[] packed, int from, int to, long idxMask, int[] parent, int minMatches) {
        if (to - from > options.maxBucketSize()) {
            int anchor = (int) (packed[from] & idxMask);
            for (int y = from + 1; y < to; y++) {
                join(anchor, (int) (packed[y] & idxMask), parent, minMatches);
            }
            return;
        }
        for (int x = from; x < to; x++) {
            int a = (int) (packed[x] & idxMask);
            for (int y = x + 1; y < to; y++) {
                join(a, (int) (packed[y] & idxMask), parent, minMatches);
            }
        }
    }

    private void join(int a, int b, int[] parent, int minMatches) {
        if (find(parent, a) != find(parent, b) && matches(a, b) >= minMatches) {
            link(parent, a, b);
        }
    }

    /** Puts a and b in one set; the smaller root becomes the root: deterministic cluster numbering. */
    private static void link(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
