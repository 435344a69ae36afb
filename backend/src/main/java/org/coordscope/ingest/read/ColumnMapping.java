package org.coordscope.ingest.read;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.coordscope.ingest.ImportException;

/**
 * Which CSV column means what, for {@link SharesReader}: parsed from a spec string that a user types once.
 *
 * <h2>Grammar</h2>
 * <pre>
 * spec   := item ( ',' item )*
 * item   := PRESET                        a preset's entries; only as the first item
 *         | key '=' value                 replaces what a preset said for that key
 * value  := text up to the next ',' (trimmed), or '...' or "..." (a doubled quote inside is one quote)
 * </pre>
 * Keys (see {@link Key}): {@code account} and {@code time} are required; {@code post}, {@code text},
 * {@code lang}, {@code screen-name}, {@code display-name}, {@code followers}, {@code following},
 * {@code retweet-of}, {@code quote-of}, {@code reply-to} name one column each; {@code url}, {@code hashtag},
 * {@code domain}, {@code image}, {@code mention}, {@code mention-name} name shared-object columns and may be
 * repeated ({@code hashtag=tag1,hashtag=tag2}); {@code time-format}, {@code zone}, {@code retweet} and
 * {@code entities} are options. Examples:
 * <pre>
 * account=author_id,time=publish_date,text=content
 * account=account_id,post=post_id,url=url_id,hashtag=hashtag_id,domain=domain_id,image=phash_id,time=timestamp
 * ira,zone=America/New_York
 * account=user,time=date,time-format='dd.MM.yyyy, HH:mm',zone=Europe/Berlin,retweet=type:RT|retweet
 * </pre>
 * Column names match the header exactly, or ignoring case when that is unambiguous.
 *
 * <h2>Presets</h2>
 * {@code coortweet}: CooRTweet's four columns (object_id = the retweeted post, account_id, content_id = the post,
 * timestamp_share = unix seconds). {@code ira}: the fivethirtyeight russian-troll-tweets layout. See
 * {@link #presets()}.
 */
public final class ColumnMapping {

    /** How many columns a key names, or whether it is an option. */
    public enum Arity {
        ONE,
        MANY,
        OPTION
    }

    /** The keys of a spec, with the help text CLI, API and UI show. */
    public enum Key {
        ACCOUNT("account", Arity.ONE, "the posting account's id (required)"),
        POST("post", Arity.ONE, "the post's id; without it (or when blank) a row is its own post, id <file>:<line>"),
        TIME("time", Arity.ONE, "when it was posted (required)"),
        TIME_FORMAT(
                "time-format",
                Arity.OPTION,
                "auto (default: digits are unix seconds, or ms above 1e11; else"
                        + " ISO-8601 or yyyy-MM-dd HH:mm[:ss]), unix, unix-ms, or a java.time DateTimeFormatter pattern"),
        ZONE("zone", Arity.OPTION, "time zone of times written without an offset (default UTC)"),
        TEXT("text", Arity.ONE, "the post's text"),
        LANG("lang", Arity.ONE, "the post's language"),
        SCREEN_NAME("screen-name", Arity.ONE, "the account's screen name"),
        DISPLAY_NAME("display-name", Arity.ONE, "the account's display name"),
        FOLLOWERS("followers", Arity.ONE, "the account's follower count"),
        FOLLOWING("following", Arity.ONE, "the account's following count"),
        RETWEET_OF("retweet-of", Arity.ONE, "the retweeted post's id"),
        QUOTE_OF("quote-of", Arity.ONE, "the quoted post's id"),
        REPLY_TO("reply-to", Arity.ONE, "the replied-to post's id"),
        URL("url", Arity.MANY, "a shared link"),
        HASHTAG("hashtag", Arity.MANY, "a hashtag ('#' optional)"),
        DOMAIN("domain", Arity.MANY, "a shared domain"),
        IMAGE("image", Arity.MANY, "a shared image's hash"),
        MENTION("mention", Arity.MANY, "a mentioned account's id"),
        MENTION_NAME("mention-name", Arity.MANY, "a mentioned account's screen name ('@' optional)"),
        RETWEET(
                "retweet",
                Arity.OPTION,
                "COLUMN:VALUE[|VALUE...]: rows whose COLUMN holds one of the VALUEs are"
                        + " retweets of the post with the same text (retweetOf = text:<hash of the text>)"),
        ENTITIES(
                "entities",
                Arity.OPTION,
                "text (default when text is mapped) or none: take hashtags, @mentions"
                        + " and links from the text too");

        private final String spelling;
        private final Arity arity;
        private final String help;

        Key(String spelling, Arity arity, String help) {
            this.spelling = spelling;
            this.arity = arity;
            this.help = help;
        }

        /** As written in a spec. */
        public String spelling() {
            return spelling;
        }

        public Arity arity() {
            return arity;
        }

        public String help() {
            return help;
        }

        static Key of(String spelling) {
            for (Key key : values()) {
                if (key.spelling.equals(spelling)) {
                    return key;
                }
            }
            throw new IllegalArgumentException("mapping: unknown key '" + spelling + "'; the keys are "
                    + Arrays.stream(values()).map(Key::spelling).collect(Collectors.joining(", ")));
        }
    }

    /** A named mapping, so users need not type one. */
    public record Preset(String name, String spec, String description) {}

    private static final List<Preset> PRESETS = List.of(
            new Preset(
                    "coortweet",
                    "account=account_id,post=content_id,retweet-of=object_id,time=timestamp_share",
                    "CooRTweet's four columns: object_id (the retweeted post), account_id, content_id (the post),"
                            + " timestamp_share (unix seconds)"),
            new Preset(
                    "ira",
                    "account=author_id,screen-name=author_id,text=content,time=publish_date,"
                            + "time-format='[yyyy-MM-dd HH:mm:ss][M/d/yyyy H:mm]',lang=language,followers=followers,"
                            + "following=following,retweet=post_type:R",
                    "fivethirtyeight russian-troll-tweets (author_id, content, publish_date, language, followers,"
                            + " following, post_type R = retweet); retweets point at their text"));

    private final String preset;
    private final Map<Key, List<String>> entries;
    private final Values.TimeParser timeParser;
    private final String retweetColumn;
    private final Set<String> retweetValues;
    private final boolean entitiesFromText;

    private ColumnMapping(String preset, Map<Key, List<String>> entries) {
        this.preset = preset;
        this.entries = entries;
        for (Key required : List.of(Key.ACCOUNT, Key.TIME)) {
            if (!entries.containsKey(required)) {
                throw new IllegalArgumentException(
                        "mapping: '" + required.spelling + "' is required, as in " + required.spelling + "=COLUMN");
            }
        }
        this.timeParser = timeParser(option(Key.TIME_FORMAT, "auto"), zone(option(Key.ZONE, "UTC")));
        String retweet = option(Key.RETWEET, null);
        if (retweet != null) {
            int colon = retweet.indexOf(':');
            if (colon <= 0 || colon == retweet.length() - 1) {
                throw new IllegalArgumentException(
                        "mapping: retweet must be COLUMN:VALUE, as in retweet=post_type:R;" + " got '" + retweet + "'");
            }
            if (!entries.containsKey(Key.TEXT)) {
                throw new IllegalArgumentException("mapping: retweet=" + retweet + " identifies the original by its"
                        + " text, so it needs text=COLUMN too");
            }
            this.retweetColumn = retweet.substring(0, colon).trim();
            this.retweetValues =
                    Set.copyOf(Arrays.asList(retweet.substring(colon + 1).split("\\|", -1)));
        } else {
            this.retweetColumn = null;
            this.retweetValues = Set.of();
        }
        String entities = option(Key.ENTITIES, entries.containsKey(Key.TEXT) ? "text" : "none");
        if (!entities.equals("text") && !entities.equals("none")) {
            throw new IllegalArgumentException("mapping: entities must be text or none, not '" + entities + "'");
        }
        if (entities.equals("text") && !entries.containsKey(Key.TEXT)) {
            throw new IllegalArgumentException("mapping: entities=text needs text=COLUMN");
        }
        this.entitiesFromText = entities.equals("text");
    }

    /** The presets, in the order {@link SharesReader} tries them on a file given no mapping. */
    public static List<Preset> presets() {
        return PRESETS;
    }

    /** The mapping of a preset. */
    public static ColumnMapping preset(String name) {
        return parse(name);
    }

    /**
     * Parses a spec (grammar in the class comment).
     *
     * @throws IllegalArgumentException saying what is wrong and what would be right
     */
    public static ColumnMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("mapping: empty; give key=COLUMN pairs such as"
                    + " account=author_id,time=created_at, or a preset (" + presetNames() + ")");
        }
        List<String> items = split(spec, ',');
        Map<Key, List<String>> entries = new EnumMap<>(Key.class);
        String preset = null;
        Set<Key> given = EnumSet.noneOf(Key.class);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).trim();
            if (item.isEmpty()) {
                continue;
            }
            List<String> keyValue = split(item, '=');
            if (keyValue.size() == 1) {
                if (i > 0 || preset != null) {
                    throw new IllegalArgumentException("mapping: '" + item + "' is neither key=COLUMN nor, as the first"
                            + " item, a preset (" + presetNames() + ")");
                }
                Preset found = PRESETS.stream()
                        .filter(p -> p.name().equalsIgnoreCase(item))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "mapping: no preset named '" + item + "'; the presets are " + presetNames()));
                preset = found.name();
                entries.putAll(parse(found.spec()).entries);
                continue;
            }
            String key = unquote(keyValue.get(0)).toLowerCase(Locale.ROOT);
            // Everything after the first '=' is the value: a pattern or column name may hold '='.
            String value = unquote(keyValue.get(1));
            Key k = Key.of(key);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("mapping: '" + key + "=' names no column");
            }
            if (given.contains(k) && k.arity != Arity.MANY) {
                throw new IllegalArgumentException("mapping: '" + key + "' is given twice");
            }
            if (given.add(k)) {
                entries.put(k, new ArrayList<>());
            }
            entries.get(k).add(value);
        }
        entries.replaceAll((k, v) -> List.copyOf(v));
        return new ColumnMapping(preset, Collections.unmodifiableMap(entries));
    }

    /** The preset this mapping started from, or null. */
    public String presetName() {
        return preset;
    }

    /** The column(s) or option value of a key; empty when the mapping does not give it. */
    public List<String> get(Key key) {
        return entries.getOrDefault(key, List.of());
    }

    /** Whether hashtags, mentions and links are taken from the text as well. */
    public boolean entitiesFromText() {
        return entitiesFromText;
    }

    /** The spec in canonical form (every entry spelled out, in key order), for logs and the dataset's record. */
    public String toSpec() {
        List<String> items = new ArrayList<>();
        entries.forEach((key, values) -> values.forEach(v -> items.add(key.spelling + "=" + quoteIfNeeded(v))));
        return String.join(",", items);
    }

    @Override
    public String toString() {
        return toSpec();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /**
     * Resolves the mapping against a part's header.
     *
     * @throws ImportException naming the part and the column when the header lacks one the mapping names
     */
    Bound bind(CsvRows rows) {
        return new Bound(rows);
    }

    /** Whether every column this mapping names is in the header (for choosing a preset). */
    boolean fits(CsvRows rows) {
        for (Map.Entry<Key, List<String>> e : entries.entrySet()) {
            if (e.getKey().arity != Arity.OPTION) {
                for (String column : e.getValue()) {
                    if (rows.column(column) < 0) {
                        return false;
                    }
                }
            }
        }
        return retweetColumn == null || rows.column(retweetColumn) >= 0;
    }

    /** The first preset whose columns the part has, for a file given no mapping. */
    static ColumnMapping detect(CsvRows rows) {
        for (Preset preset : PRESETS) {
            ColumnMapping mapping = preset(preset.name());
            if (mapping.fits(rows)) {
                return mapping;
            }
        }
        throw new ImportException(rows.part() + ": no mapping was given and the header fits no preset ("
                + PRESETS.stream().map(p -> p.name() + ": " + p.spec()).collect(Collectors.joining("; "))
                + "). Its columns are " + rows.header() + ". Give a mapping such as account=COLUMN,time=COLUMN.");
    }

    /** The mapping resolved against one header: column indexes, -1 for "not mapped". */
    final class Bound {
        final List<String> header;
        final int account;
        final int post;
        final int time;
        final int text;
        final int lang;
        final int screenName;
        final int displayName;
        final int followers;
        final int following;
        final int retweetOf;
        final int quoteOf;
        final int replyTo;
        final int[] urls;
        final int[] hashtags;
        final int[] domains;
        final int[] images;
        final int[] mentions;
        final int[] mentionNames;
        final int retweetFlag;
        final Set<String> retweetFlagValues = retweetValues;
        final boolean entities = entitiesFromText;
        final Values.TimeParser times = timeParser;

        private Bound(CsvRows rows) {
            this.header = rows.header();
            account = one(rows, Key.ACCOUNT);
            post = one(rows, Key.POST);
            time = one(rows, Key.TIME);
            text = one(rows, Key.TEXT);
            lang = one(rows, Key.LANG);
            screenName = one(rows, Key.SCREEN_NAME);
            displayName = one(rows, Key.DISPLAY_NAME);
            followers = one(rows, Key.FOLLOWERS);
            following = one(rows, Key.FOLLOWING);
            retweetOf = one(rows, Key.RETWEET_OF);
            quoteOf = one(rows, Key.QUOTE_OF);
            replyTo = one(rows, Key.REPLY_TO);
            urls = many(rows, Key.URL);
            hashtags = many(rows, Key.HASHTAG);
            domains = many(rows, Key.DOMAIN);
            images = many(rows, Key.IMAGE);
            mentions = many(rows, Key.MENTION);
            mentionNames = many(rows, Key.MENTION_NAME);
            retweetFlag = retweetColumn == null ? -1 : column(rows, Key.RETWEET, retweetColumn);
        }

        /** The header's name of a column, for bad-row reports. */
        String name(int column) {
            return header.get(column);
        }

        private int one(CsvRows rows, Key key) {
            List<String> columns = get(key);
            return columns.isEmpty() ? -1 : column(rows, key, columns.get(0));
        }

        private int[] many(CsvRows rows, Key key) {
            // A column named twice (url=a,url=a) is read once.
            return new LinkedHashSet<>(get(key))
                    .stream().mapToInt(c -> column(rows, key, c)).distinct().toArray();
        }

        private int column(CsvRows rows, Key key, String column) {
            int index = rows.column(column);
            if (index < 0) {
                throw new ImportException(rows.part() + ": the mapping names column '" + column + "' (for "
                        + key.spelling + ") but the header has no such column; its columns are " + rows.header()
                        + (preset != null ? " (mapping from preset " + preset + ")" : ""));
            }
            return index;
        }
    }

    private String option(Key key, String fallback) {
        List<String> values = entries.get(key);
        return values == null ? fallback : values.get(0);
    }

    private static ZoneId zone(String zone) {
        try {
            return zone.equalsIgnoreCase("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("mapping: unknown zone '" + zone + "'; use a region such as"
                    + " Europe/Berlin or an offset such as +03:00");
        }
    }

    private static Values.TimeParser timeParser(String format, ZoneId zone) {
        switch (format) {
            case "auto":
                return v -> Values.autoTime(v, zone);
            case "unix":
                return v -> Values.epoch(new BigDecimal(v.trim()), false);
            case "unix-ms":
                return v -> Values.epoch(new BigDecimal(v.trim()), true);
            default:
                DateTimeFormatter formatter;
                try {
                    formatter = DateTimeFormatter.ofPattern(format, Locale.ENGLISH);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mapping: time-format '" + format + "' is neither auto, unix,"
                            + " unix-ms nor a valid DateTimeFormatter pattern (" + e.getMessage() + ")");
                }
                return v -> Values.patternTime(v, formatter, zone);
        }
    }

    /** Splits at {@code sep} outside '...' and "..." quotes; quotes are kept for {@link #unquote}. */
    private static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == sep) {
                parts.add(current.toString());
                current.setLength(0);
                if (sep == '=') {
                    // Only the first '=' separates key from value.
                    parts.add(s.substring(i + 1));
                    return parts;
                }
                continue;
            }
            current.append(c);
        }
        if (quote != 0) {
            throw new IllegalArgumentException("mapping: unterminated quote in '" + s + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String raw) {
        String v = raw.trim();
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            String q = String.valueOf(v.charAt(0));
            return v.substring(1, v.length() - 1).replace(q + q, q);
        }
        return v;
    }

    private static String quoteIfNeeded(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('\'') < 0 && v.indexOf('"') < 0 && v.equals(v.trim())) {
            return v;
        }
        return "'" + v.replace("'", "''") + "'";
    }

    private static String presetNames() {
        return PRESETS.stream().map(Preset::name).collect(Collectors.joining(", "));
    }
}
