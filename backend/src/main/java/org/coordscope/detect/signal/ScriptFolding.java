package org.coordscope.detect.signal;

import java.util.Locale;

/**
 * Folds the spelling variants of Persian and Arabic script that differ only by keyboard, so that copies of
 * one line (or one hashtag) typed on different keyboards give one key. Only detection keys are folded: the
 * stored text stays exactly as in the source.
 *
 * <p>The rules follow the methods of Hazm's {@code Normalizer} (character unification, diacritic and
 * kashida removal, digit unification, affix spacing), written anew:
 * <ul>
 *   <li>Arabic yeh {@code ي} (U+064A) and alef maksura {@code ى} (U+0649) become Persian yeh {@code ی}
 *       (U+06CC); Arabic kaf {@code ك} (U+0643) becomes Persian kaf {@code ک} (U+06A9);</li>
 *   <li>harakat and other Arabic combining marks (U+064B–U+065F, U+0670) and tatweel {@code ـ} (U+0640)
 *       are removed;</li>
 *   <li>zero-width non-joiner and joiner (U+200C, U+200D) and the bidi marks LRM/RLM/ALM are removed, so
 *       {@code می‌خواهم} and {@code میخواهم} become one word; {@link TextShingles} also joins a
 *       space-separated verb prefix {@code می}/{@code نمی} to its verb ({@code می خواهم});</li>
 *   <li>Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits become ASCII digits.</li>
 * </ul>
 */
public final class ScriptFolding {

    private ScriptFolding() {}

    /** {@code text} with the variants above folded; returned as is when nothing changes. */
    public static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = foldChar(c);
            if (f != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && f != REMOVED) {
                out.append(f);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The co-hashtag key of a tag as the source or the store gives it: without a leading '#', lower-cased
     * without locale, script-folded; in a tag written in Arabic script an underscore is dropped as a ZWNJ is,
     * since both stand for the half-space between two parts of a word ({@code #اعدامش_کنید},
     * {@code #اعدامش‌کنید}). Empty when nothing is left.
     */
    public static String hashtagKey(String tag) {
        String bare = (tag.startsWith("#") || tag.startsWith("＃") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
        String folded = fold(bare);
        if (folded.indexOf('_') >= 0 && hasArabicScript(folded)) {
            folded = folded.replace("_", "");
        }
        return folded;
    }

    private static final char REMOVED = '\uFFFF';

    private static char foldChar(char c) {
        if (c < 0x0640) {
            return c;
        }
        if (c == '\u064A' || c == '\u0649') {
            return '\u06CC';
        }
        if (c == '\u0643') {
            return '\u06A9';
        }
        if (c == '\u0640'
                || (c >= '\u064B' && c <= '\u065F')
                || c == '\u0670'
                || c == '\u200C'
                || c == '\u200D'
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C') {
            return REMOVED;
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }

    private static boolean hasArabicScript(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }
}
