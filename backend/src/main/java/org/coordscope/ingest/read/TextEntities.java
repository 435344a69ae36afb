package org.coordscope.ingest.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags, @mentions and links found in a post's text, for sources that give no structured entities (the IRA
 * tweets, most exported CSVs). The rules follow what Twitter linked:
 * <ul>
 * <li><b>hashtag</b>: {@code #} or {@code ＃} not preceded by a letter, digit, {@code _} or {@code &} (so
 * {@code &#39;} and {@code a#b} are not tags), then letters, combining marks, digits, {@code _} and the
 * zero-width non-joiner Persian needs, with at least one letter (so {@code #1} is not a tag). Any script counts:
 * {@code #نه_به_جنگ}, {@code #Müller}, {@code #हिन्दी}. Trailing punctuation is not part of it.</li>
 * <li><b>mention</b>: {@code @} not preceded by a letter, digit, {@code _} or {@code @} (so e-mail addresses are not
 * mentions), then 1–20 of {@code A-Z a-z 0-9 _}, not followed by another such character or {@code @}.</li>
 * <li><b>link</b>: {@code http://} or {@code https://}, up to white space; trailing punctuation, closing quotes and
 * an unbalanced closing bracket are cut off; the host must have a dot and a two-letter ending, which drops the
 * truncated {@code https://t.…} that retweet texts end with. Bare {@code example.com} is not a link.</li>
 * </ul>
 * Each list keeps first-seen order without repeats.
 */
public final class TextEntities {

    private TextEntities() {}

    /** What a text holds. */
    public record Entities(List<String> hashtags, List<String> mentions, List<String> urls) {}

    private static final Pattern HASHTAG = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_&])[#＃]([\\p{L}\\p{M}\\p{N}_\\u200C]*\\p{L}[\\p{L}\\p{M}\\p{N}_\\u200C]*)");

    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_@＠])[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠])");

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");

    /** A host with a dot and an ending of two or more letters, optionally a port. */
    private static final Pattern HOST = Pattern.compile("(?i)[^/?#:@\\s]+\\.[\\p{L}]{2,}\\.?(:\\d+)?");

    private static final String TRAILING = ".,;:!?'\"…»«”“’‘)]}>";

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u2028\\u2029\\u3000]+");

    /** All three lists of a text; null or blank gives empty lists. */
    public static Entities of(String text) {
        return new Entities(hashtags(text), mentions(text), urls(text));
    }

    /** Hashtags without the {@code #}, as written (case-folding is the writer's); none inside a link. */
    public static List<String> hashtags(String text) {
        return matches(HASHTAG, text);
    }

    /** Mentioned screen names without the {@code @}; none inside a link ({@code medium.com/@name}). */
    public static List<String> mentions(String text) {
        return matches(MENTION, text);
    }

    /** Links as written in the text, trailing punctuation removed. */
    public static List<String> urls(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimTrailing(m.group());
            int schemeEnd = url.indexOf("://") + 3;
            int hostEnd = schemeEnd;
            while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
                hostEnd++;
            }
            if (HOST.matcher(url.substring(schemeEnd, hostEnd)).matches()) {
                found.add(url);
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The id a retweet's original gets when a source names it only by its text: {@code text:} and 32 hex digits
     * of the SHA-256 of the text in Unicode NFC with runs of white space made one space and ends trimmed. Equal
     * for two retweets of the same tweet, whoever retweeted it, and the same in every import.
     */
    public static String textId(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normaliseWhitespace(text).getBytes(StandardCharsets.UTF_8));
            return "text:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** NFC, white-space runs (including no-break and ideographic spaces) as one space, ends trimmed. */
    public static String normaliseWhitespace(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").trim();
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (TRAILING.indexOf(c) < 0) {
                break;
            }
            // A closing bracket that closes one opened inside the link belongs to it (Wikipedia's "Foo_(bar)").
            if (c == ')' && count(url, '(', end) > count(url, ')', end - 1)) {
                break;
            }
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean insideLink(Matcher link, int at) {
        link.reset();
        while (link.find()) {
            if (link.start() > at) {
                return false;
            }
            if (at < link.end()) {
                return true;
            }
        }
        return false;
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static List<String> matches(Pattern pattern, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        Matcher link = URL.matcher(text);
        boolean inLinkCheck = text.contains("://");
        while (m.find()) {
            if (inLinkCheck && insideLink(link, m.start())) {
                continue;
            }
            String match = m.group(1);
            // The Twitter rule: a tag never ends in the joiner, and "#tag://" is a broken link, not a tag.
            while (match.endsWith("\u200C")) {
                match = match.substring(0, match.length() - 1);
            }
            if (pattern == HASHTAG && text.startsWith("://", m.end())) {
                continue;
            }
            found.add(match);
        }
        return new ArrayList<>(found);
    }
}
