package org.coordscope.explore;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A cluster's name from what it pushed most: its top shared object put in words, so a list of clusters reads
 * "#execute", "retweets of @news_now", "site example.org" or "“we are all here…”" instead of {@code RUN/7}.
 */
final class ClusterNames {

    static final int MAX_LENGTH = 48;
    static final int TEXT_WORDS = 6;

    private ClusterNames() {}

    /**
     * The name for a top object of signal {@code kind}; {@code retweetedAuthor} ("@name" or "account id") names a
     * retweeted tweet's author when known.
     */
    static String name(String kind, String object, String retweetedAuthor) {
        return switch (kind) {
            case "co-hashtag" -> "#" + (object.startsWith("#") ? object.substring(1) : object);
            case "co-retweet" ->
                retweetedAuthor != null ? "retweets of " + retweetedAuthor : "retweets of tweet " + object;
            case "co-link" -> "link " + shorten(object.replaceFirst("^https?://", ""));
            case "co-domain" -> "site " + object;
            case "near-text" -> "“" + firstWords(object) + "”";
            default -> kind + " " + shorten(object);
        };
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        String head = Arrays.stream(words).limit(TEXT_WORDS).collect(Collectors.joining(" "));
        return shorten(head) + (words.length > TEXT_WORDS && head.length() <= MAX_LENGTH ? "…" : "");
    }

    /** At most {@value #MAX_LENGTH} characters (code points, so a Persian or emoji text is not cut mid-letter). */
    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
