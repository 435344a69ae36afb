package org.coordscope.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;

/**
 * Reads Twitter's Information Operations archive (transparency.x.com, 2018–2021): a tweets CSV and a users CSV
 * per release, plain, {@code .gz} or {@code .zip}, possibly split into parts.
 *
 * <p><b>Which file is which</b> comes from its header, never its name: a {@code tweetid} column makes a tweets
 * file; {@code userid} without {@code tweetid} a users file; anything else is an {@link ImportException}.
 * Columns are found by name, so order does not matter and columns missing from older releases read as absent.
 * All users parts are read before any tweets part, so accounts arrive with their full profile first.
 *
 * <p><b>Values as released:</b> ids are kept exactly as written (the hashed ids of small accounts are base64
 * and may start with {@code +}); {@code tweet_time} is UTC {@code YYYY-MM-DD HH:MM}, seconds accepted;
 * {@code account_creation_date} is a day; flags are {@code True}/{@code False}; counts may read {@code 0.0};
 * {@code hashtags}, {@code urls} and {@code user_mentions} are Python list literals ({@link PythonListLiteral}).
 * Free-text profile fields are kept as given, empty included (an empty profile is itself a signal); a column
 * the file lacks is null, "not in this source".
 *
 * <p><b>Mapping:</b> {@code is_retweet} with {@code retweet_tweetid}/{@code retweet_userid} → retweetOf and
 * retweetOfAuthor (the original need not be in the file); {@code quoted_tweet_tweetid} → quoteOf;
 * {@code in_reply_to_tweetid}/{@code in_reply_to_userid} → replyTo/replyToAuthor; {@code user_mentions} →
 * mentionIds. The tweet row's profile columns fill the post's author.
 *
 * <p><b>Bad rows</b> (wrong number of values, no tweetid or userid, a time, count, flag or list that does not
 * parse) are reported with their line and column and skipped; reading goes on.
 */
public final class InfoOpsReader implements SourceReader {

    enum Kind {
        USERS,
        TWEETS
    }

    static final List<String> REQUIRED_TWEET_COLUMNS = List.of("tweetid", "userid", "tweet_time");

    @Override
    public void read(List<ImportFile> files, RecordSink sink) throws IOException {
        List<Map<String, Kind>> kinds = new ArrayList<>();
        for (ImportFile file : files) {
            kinds.add(classify(file));
        }
        for (int i = 0; i < files.size(); i++) {
            ImportFile file = files.get(i);
            Map<String, Kind> parts = kinds.get(i);
            if (!parts.containsValue(Kind.USERS)) {
                continue;
            }
            ImportFile.PartHandler users = (part, text) -> {
                if (parts.get(part) == Kind.USERS) {
                    readUsers(part, text, sink);
                }
            };
            if (Parts.isZip(file)) {
                // Random access: only the users entries are decompressed now. The tweets pass streams the whole
                // archive and counts its bytes; a zip of users alone is counted here.
                Parts.forEachZipEntry(file, part -> parts.get(part) == Kind.USERS, users);
                if (!parts.containsValue(Kind.TWEETS)) {
                    file.bytesRead().addAndGet(file.size());
                }
            } else {
                file.forEachPart(users);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Map<String, Kind> parts = kinds.get(i);
            if (parts.containsValue(Kind.TWEETS)) {
                files.get(i).forEachPart((part, text) -> {
                    if (parts.get(part) == Kind.TWEETS) {
                        readTweets(part, text, sink);
                    }
                });
            }
        }
    }

    /** Reads every part's header (only the header) and says what it is; order kept. */
    private Map<String, Kind> classify(ImportFile file) throws IOException {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        ImportFile.PartHandler peek = (part, text) -> {
            try (CsvRows rows = CsvRows.open(part, text)) {
                kinds.put(part, kindOf(part, rows));
            }
        };
        if (Parts.isZip(file)) {
            Parts.forEachZipEntry(file, part -> true, peek);
            if (kinds.isEmpty()) {
                throw new ImportException(file.displayName() + ": the zip archive holds no file");
            }
        } else {
            Parts.uncounted(file).forEachPart(peek);
        }
        return kinds;
    }

    private static Kind kindOf(String part, CsvRows rows) {
        Map<String, Integer> columns = columns(rows.header());
        if (columns.containsKey("tweetid")) {
            for (String required : REQUIRED_TWEET_COLUMNS) {
                if (!columns.containsKey(required)) {
                    throw new ImportException(part + ": a tweets file (it has a tweetid column) without the column '"
                            + required + "'; its columns are " + rows.header());
                }
            }
            return Kind.TWEETS;
        }
        if (columns.containsKey("userid")) {
            return Kind.USERS;
        }
        throw new ImportException(part + ": not an Information Operations file: its header has neither 'tweetid'"
                + " (tweets file) nor 'userid' (users file); its columns are " + abbreviate(rows.header())
                + ". Import it with the format that matches it (infoops, twarc2, shares).");
    }

    /** Column name (lower-cased; Twitter's are lower case) → index; the first of duplicated names wins. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static String abbreviate(List<String> header) {
        String all = header.toString();
        return all.length() <= 300 ? all : all.substring(0, 297) + "...";
    }

    private void readUsers(String part, Reader text, RecordSink sink) throws IOException {
        try (CsvRows rows = CsvRows.open(part, text)) {
            Columns c = new Columns(rows.header());
            for (CsvRows.Row row; (row = rows.next(sink)) != null; ) {
                try {
                    c.checkSize(row);
                    sink.account(account(row, c));
                } catch (RowException e) {
                    sink.badRow(e.toBadRow(part, row.line()));
                }
            }
        }
    }

    private void readTweets(String part, Reader text, RecordSink sink) throws IOException {
        try (CsvRows rows = CsvRows.open(part, text)) {
            Columns c = new Columns(rows.header());
            for (CsvRows.Row row; (row = rows.next(sink)) != null; ) {
                try {
                    c.checkSize(row);
                    sink.post(tweet(part, row, c));
                } catch (RowException e) {
                    sink.badRow(e.toBadRow(part, row.line()));
                }
            }
        }
    }

    private static AccountRecord account(CsvRows.Row row, Columns c) throws RowException {
        String id = c.required(row, "userid");
        String created = c.get(row, "account_creation_date");
        Instant createdAt = null;
        if (created != null && !created.isBlank()) {
            createdAt = Values.time(created, "account_creation_date", v -> Values.dateTime(v, ZoneOffset.UTC));
        }
        return new AccountRecord(
                id,
                Values.blankToNull(c.get(row, "user_screen_name")),
                c.get(row, "user_display_name"),
                createdAt,
                Values.count(c.get(row, "follower_count"), "follower_count"),
                Values.count(c.get(row, "following_count"), "following_count"),
                Values.blankToNull(c.get(row, "account_language")),
                c.get(row, "user_reported_location"),
                c.get(row, "user_profile_description"),
                c.get(row, "user_profile_url"));
    }

    private static PostRecord tweet(String part, CsvRows.Row row, Columns c) throws RowException {
        String id = c.required(row, "tweetid");
        AccountRecord author = account(row, c);
        Instant time = Values.time(c.get(row, "tweet_time"), "tweet_time", v -> Values.dateTime(v, ZoneOffset.UTC));
        boolean isRetweet = Values.flag(c.get(row, "is_retweet"), "is_retweet");
        String retweetOf = Values.blankToNull(c.get(row, "retweet_tweetid"));
        String retweetOfAuthor = Values.blankToNull(c.get(row, "retweet_userid"));
        if (!isRetweet && c.has("is_retweet")) {
            // The flag rules: a stray id on a row marked False does not make a retweet.
            retweetOf = null;
            retweetOfAuthor = null;
        }
        return new PostRecord(
                id,
                author,
                time,
                c.get(row, "tweet_text"),
                Values.blankToNull(c.get(row, "tweet_language")),
                Values.blankToNull(c.get(row, "tweet_client_name")),
                retweetOf,
                retweetOfAuthor,
                Values.blankToNull(c.get(row, "quoted_tweet_tweetid")),
                Values.blankToNull(c.get(row, "in_reply_to_tweetid")),
                Values.blankToNull(c.get(row, "in_reply_to_userid")),
                c.list(row, "hashtags"),
                c.list(row, "urls"),
                null,
                null,
                c.list(row, "user_mentions"),
                null,
                part + ":" + row.line());
    }

    /** The columns of one part, by name. */
    private static final class Columns {
        private final Map<String, Integer> index;
        private final int size;

        Columns(List<String> header) {
            this.index = columns(header);
            this.size = header.size();
        }

        boolean has(String name) {
            return index.containsKey(name);
        }

        void checkSize(CsvRows.Row row) throws RowException {
            if (row.size() != size) {
                throw new RowException(null, "has " + row.size() + " values where the header has " + size + " columns");
            }
        }

        /** The value, or null when the file has no such column. */
        String get(CsvRows.Row row, String name) {
            Integer i = index.get(name);
            return i == null ? null : row.get(i);
        }

        String required(CsvRows.Row row, String name) throws RowException {
            String value = get(row, name);
            if (value == null || value.isBlank()) {
                throw new RowException(name, "no " + name + " given");
            }
            return value;
        }

        List<String> list(CsvRows.Row row, String name) throws RowException {
            try {
                return PythonListLiteral.parse(get(row, name));
            } catch (IllegalArgumentException e) {
                throw new RowException(name, e.getMessage());
            }
        }
    }
}
