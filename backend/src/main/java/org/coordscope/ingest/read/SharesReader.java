package org.coordscope.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;

/**
 * Reads any CSV of shares (one row per post, or per post and shared object) through a {@link ColumnMapping}:
 * CooRTweet's four-column files, the fivethirtyeight IRA tweets, Facebook/CrowdTangle-style exports.
 *
 * <p>Without a mapping, each file gets the first preset whose columns its header has (CooRTweet's first); with
 * one, a column the header lacks is an {@link ImportException} naming the file, the column and the header.
 *
 * <p>One row gives one {@link PostRecord}. A file with a row per (post, object), such as CooRTweet's German
 * election data, repeats the post id across rows, each with its own object: the writer MERGEs them into one
 * post. A row without a post id (no {@code post} column, or a blank cell) is its own post with id
 * {@code <file name>:<line>}, stable across re-imports of the same file. Blank object cells mean "none".
 *
 * <p>Retweets: a {@code retweet-of} cell names the original; otherwise a row that the {@code retweet} option marks
 * (such as {@code post_type} = {@code R}) is a retweet of the post with its text, id
 * {@link TextEntities#textId}, author unknown. With {@code entities=text}, hashtags, @mentions (as names) and
 * links are also taken from the text.
 *
 * <p>Bad rows (wrong number of values, no account, a time or count that does not parse, a retweet with no text)
 * are reported with line and column and skipped.
 */
public final class SharesReader implements SourceReader {

    private final ColumnMapping mapping;

    /** @param mapping the mapping for every file, or null to pick a preset per file from its header */
    public SharesReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** The mapping given, or null when each file's is chosen from its header. */
    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public void read(List<ImportFile> files, RecordSink sink) throws IOException {
        for (ImportFile file : files) {
            file.forEachPart((part, text) -> readPart(part, text, sink));
        }
    }

    private void readPart(String part, Reader text, RecordSink sink) throws IOException {
        try (CsvRows rows = CsvRows.open(part, text)) {
            ColumnMapping.Bound b = (mapping != null ? mapping : ColumnMapping.detect(rows)).bind(rows);
            String fileName = Parts.fileName(part);
            int columns = rows.header().size();
            for (CsvRows.Row row; (row = rows.next(sink)) != null; ) {
                try {
                    if (row.size() != columns) {
                        throw new RowException(
                                null, "has " + row.size() + " values where the header has " + columns + " columns");
                    }
                    sink.post(post(part, fileName, row, b));
                } catch (RowException e) {
                    sink.badRow(e.toBadRow(part, row.line()));
                }
            }
        }
    }

    private static PostRecord post(String part, String fileName, CsvRows.Row row, ColumnMapping.Bound b)
            throws RowException {
        String account = cell(row, b.account);
        if (account == null) {
            throw new RowException(b.name(b.account), "no account id given");
        }
        Instant time = Values.time(row.get(b.time), b.name(b.time), b.times);
        String postId = cell(row, b.post);
        if (postId == null) {
            postId = fileName + ":" + row.line();
        }
        String text = b.text < 0 ? null : row.get(b.text);
        AccountRecord author = new AccountRecord(
                account,
                cell(row, b.screenName),
                cell(row, b.displayName),
                null,
                count(row, b, b.followers),
                count(row, b, b.following),
                null,
                null,
                null,
                null);

        String retweetOf = cell(row, b.retweetOf);
        if (retweetOf == null
                && b.retweetFlag >= 0
                && b.retweetFlagValues.contains(row.get(b.retweetFlag).trim())) {
            if (text == null || text.isBlank()) {
                throw new RowException(b.name(b.text), "a retweet without text: its original cannot be identified");
            }
            retweetOf = TextEntities.textId(text);
        }

        List<String> urls = cells(row, b.urls, "");
        List<String> hashtags = cells(row, b.hashtags, "#");
        List<String> mentionNames = cells(row, b.mentionNames, "@");
        if (b.entities && text != null && !text.isBlank()) {
            TextEntities.Entities found = TextEntities.of(text);
            urls = union(urls, found.urls());
            hashtags = union(hashtags, found.hashtags());
            mentionNames = union(mentionNames, found.mentions());
        }
        return new PostRecord(
                postId,
                author,
                time,
                text,
                cell(row, b.lang),
                null,
                retweetOf,
                null,
                cell(row, b.quoteOf),
                cell(row, b.replyTo),
                null,
                hashtags,
                urls,
                cells(row, b.domains, ""),
                cells(row, b.images, ""),
                cells(row, b.mentions, ""),
                mentionNames,
                part + ":" + row.line());
    }

    /** A mapped cell, trimmed; null when unmapped or blank. */
    private static String cell(CsvRows.Row row, int column) {
        if (column < 0) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    /** The non-blank cells of object columns, each without the given sigil ('#' of a hashtag). */
    private static List<String> cells(CsvRows.Row row, int[] columns, String sigil) {
        if (columns.length == 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>(columns.length);
        for (int column : columns) {
            String value = cell(row, column);
            if (value != null && !sigil.isEmpty() && value.startsWith(sigil)) {
                value = value.substring(sigil.length()).trim();
            }
            if (value != null && !value.isEmpty() && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static Long count(CsvRows.Row row, ColumnMapping.Bound b, int column) throws RowException {
        return column < 0 ? null : Values.count(row.get(column), b.name(column));
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (a.isEmpty()) {
            return b;
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
