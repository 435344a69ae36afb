package org.coordscope.detect.signal;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link NearDuplicateText} sees of a text: normalised words and their shingles.
 *
 * <p>Normalisation: Unicode NFKC (folds full-width and "fancy" letters such as 𝐛𝐨𝐥𝐝 into plain ones);
 * whitespace-separated pieces that are URLs ({@code http://}, {@code https://}, {@code www.}, or
 * containing {@code ://}) or @mentions are dropped; the rest is split into maximal runs of letters
 * and digits, lower-cased without locale. So '#' of a hashtag, punctuation and emoji vanish.
 *
 * <p>Shingles: every word (unigram) and every pair of adjacent words (bigram), hashed to 64 bits.
 * Unigrams make the set indifferent to reordering (a reordered copy keeps all of them); bigrams keep
 * some word order, so that two texts drawing on one topic's vocabulary in different sentences stay
 * apart. Character 5-grams would forgive typos better but also join unrelated texts on a topic
 * through shared stems and names, and cost five times more hashing.
 */
final class TextShingles {

    private TextShingles() {}

    /** Receives each normalised token as {@code buf[0 .. len)}. */
    interface TokenSink {
        void token(char[] buf, int len);
    }

    static void forEachToken(CharSequence text, TokenSink sink) {
        String s = text.toString();
        if (!isAscii(s)) {
            s = ScriptFolding.fold(Normalizer.normalize(s, Normalizer.Form.NFKC));
            PrefixJoiner joiner = new PrefixJoiner(sink);
            tokenize(s, joiner);
            joiner.flush();
        } else {
            tokenize(s, sink);
        }
    }

    /**
     * Joins a space-separated Persian verb prefix ({@code می}, {@code نمی}) to the word after it, so that
     * {@code می خواهم} gives the same token as {@code می‌خواهم} and {@code میخواهم} (ZWNJ already removed).
     */
    private static final class PrefixJoiner implements TokenSink {
        private final TokenSink sink;
        private char[] pending = new char[0];
        private int pendingLen;

        PrefixJoiner(TokenSink sink) {
            this.sink = sink;
        }

        @Override
        public void token(char[] buf, int len) {
            if (pendingLen > 0) {
                char[] joined = new char[pendingLen + len];
                System.arraycopy(pending, 0, joined, 0, pendingLen);
                System.arraycopy(buf, 0, joined, pendingLen, len);
                pendingLen = 0;
                sink.token(joined, joined.length);
            } else if (isVerbPrefix(buf, len)) {
                pending = java.util.Arrays.copyOf(buf, len);
                pendingLen = len;
            } else {
                sink.token(buf, len);
            }
        }

        void flush() {
            if (pendingLen > 0) {
                sink.token(pending, pendingLen);
                pendingLen = 0;
            }
        }

        private static boolean isVerbPrefix(char[] buf, int len) {
            return (len == 2 && buf[0] == '\u0645' && buf[1] == '\u06CC')
                    || (len == 3 && buf[0] == '\u0646' && buf[1] == '\u0645' && buf[2] == '\u06CC');
        }
    }

    private static void tokenize(String s, TokenSink sink) {
        char[] buf = new char[Math.max(16, s.length() * 2)];
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (start == i || isUrlOrMention(s, start, i)) {
                continue;
            }
            int len = 0;
            for (int p = start; p < i; ) {
                int cp = s.codePointAt(p);
                p += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    len += Character.toChars(Character.toLowerCase(cp), buf, len);
                } else if (len > 0) {
                    sink.token(buf, len);
                    len = 0;
                }
            }
            if (len > 0) {
                sink.token(buf, len);
            }
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUrlOrMention(String s, int from, int to) {
        if (s.charAt(from) == '@' || s.charAt(from) == '＠') {
            return true;
        }
        String piece = s.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        return piece.startsWith("http://")
                || piece.startsWith("https://")
                || piece.startsWith("www.")
                || piece.contains("://");
    }

    /** The normalised words of {@code text}, for tests and for showing an investigator what was compared. */
    static List<String> tokens(CharSequence text) {
        List<String> out = new ArrayList<>();
        forEachToken(text, (buf, len) -> out.add(new String(buf, 0, len)));
        return out;
    }

    /** 64-bit hash of a token: FNV-1a over its chars, then a finaliser for well-spread bits. */
    static long tokenHash(char[] buf, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < len; i++) {
            h ^= buf[i];
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long bigramHash(long first, long second) {
        return mix(first * 0x9E3779B97F4A7C15L + Long.rotateLeft(second, 23) + 0x632BE59BD9B4E019L);
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The shingle set of {@code text}; used for exact Jaccard similarity. */
    static LongOpenHashSet shingles(CharSequence text) {
        LongOpenHashSet set = new LongOpenHashSet();
        long[] prev = {0};
        boolean[] first = {true};
        forEachToken(text, (buf, len) -> {
            long h = tokenHash(buf, len);
            set.add(h);
            if (!first[0]) {
                set.add(bigramHash(prev[0], h));
            }
            first[0] = false;
            prev[0] = h;
        });
        return set;
    }
}
