package org.coordscope.ingest.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.read.Urls;

/**
 * Checks, before a record is written, that every value it puts into one of the schema's range indexes fits.
 * Neo4j's native (B+tree) indexes take keys of at most 8,167 bytes (their "key size limit", values UTF-8 encoded
 * plus a few bytes per value; see Neo4j's "Index limitations and workarounds"); a larger key fails the whole
 * transaction (driver path) or leaves the index FAILED when it is populated (bulk path: "50N42 Unexpected error").
 * The composite keys here are (value, dataset): {@link #MAX_KEY_BYTES} bounds the two together, with margin for the
 * per-value headers. A record with a value beyond it is a bad row naming the field, and is not written.
 */
public final class IndexedValues {

    /** Most UTF-8 bytes of an indexed value and its dataset name together. */
    public static final int MAX_KEY_BYTES = 8_000;

    private IndexedValues() {}

    /** A value too large to index: the field it came from and its UTF-8 size with the dataset name. */
    public record TooLarge(String field, int bytes) {
        public String reason() {
            return String.format(
                    Locale.ROOT,
                    "the %s value is %,d bytes (UTF-8, with the dataset name), more than the %,d a Neo4j index key"
                            + " holds; the row is skipped",
                    field,
                    bytes,
                    MAX_KEY_BYTES);
        }
    }

    /** The first value of {@code post} (its author included) too large for an index, or null. */
    public static TooLarge check(PostRecord post, String dataset) {
        int base = utf8(dataset);
        TooLarge found = first(
                base,
                "id",
                post.id(),
                "retweetOf",
                post.retweetOf(),
                "retweetOfAuthor",
                post.retweetOfAuthor(),
                "quoteOf",
                post.quoteOf(),
                "replyTo",
                post.replyTo(),
                "replyToAuthor",
                post.replyToAuthor());
        if (found == null) {
            found = check(post.author(), dataset);
        }
        if (found == null) {
            found = each(base, "hashtags", post.hashtags(), true);
        }
        if (found == null) {
            found = each(base, "domains", post.domains(), true);
        }
        if (found == null) {
            found = each(base, "imageHashes", post.imageHashes(), false);
        }
        if (found == null) {
            found = each(base, "mentionIds", post.mentionIds(), false);
        }
        if (found == null) {
            for (String url : post.urls()) {
                if (url != null && !fits(base, url.length() + 64)) {
                    // normalised as stored; only long ones are worth the work
                    found = size(base, "urls", Urls.normalize(url.strip()));
                    if (found != null) {
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The first value of {@code account} too large for an index (its id, its screen name), or null. */
    public static TooLarge check(AccountRecord account, String dataset) {
        return first(utf8(dataset), "account id", account.id(), "screenName", account.screenName());
    }

    /** The bad row of a record with a value too large: file and line from the post's {@code file:line} source. */
    public static BadRow badRow(PostRecord post, TooLarge found) {
        String source = post.source() == null ? "" : post.source();
        int colon = source.lastIndexOf(':');
        long line = 0;
        if (colon > 0) {
            try {
                line = Long.parseLong(source.substring(colon + 1));
                source = source.substring(0, colon);
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        return new BadRow(source, line, found.field(), "post " + abbreviated(post.id()) + ": " + found.reason());
    }

    /** The bad row of an account record (profile files give no line; the id says which). */
    public static BadRow badRow(AccountRecord account, TooLarge found) {
        return new BadRow(
                "(account rows)", 0, found.field(), "account " + abbreviated(account.id()) + ": " + found.reason());
    }

    private static String abbreviated(String id) {
        return id == null
                ? "without id"
                : id.length() <= 60 ? id : id.substring(0, 60) + "… (" + id.length() + " chars)";
    }

    private static TooLarge first(int base, String... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            TooLarge found = size(base, fieldsAndValues[i], fieldsAndValues[i + 1]);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TooLarge each(int base, String field, List<String> values, boolean folded) {
        for (String value : values) {
            TooLarge found = size(base, field, folded && value != null ? value.toLowerCase(Locale.ROOT) : value);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TooLarge size(int base, String field, String value) {
        if (value == null || fits(base, value.length())) {
            return null;
        }
        int bytes = base + utf8(value.strip());
        return bytes > MAX_KEY_BYTES ? new TooLarge(field, bytes) : null;
    }

    /** True when {@code chars} UTF-16 units cannot exceed the limit (at most 3 UTF-8 bytes each). */
    private static boolean fits(int base, int chars) {
        return base + 3L * chars <= MAX_KEY_BYTES;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
