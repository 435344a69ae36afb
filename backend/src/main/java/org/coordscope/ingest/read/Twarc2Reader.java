package org.coordscope.ingest.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;

/**
 * Reads Twitter API v2 data as twarc2 writes it: JSON Lines, one JSON value per line, in either shape.
 * <ul>
 * <li><b>Response pages</b> ({@code twarc2 search}, {@code timeline}, ...): {@code {"data": [tweets],
 * "includes": {"users": [...], "tweets": [...]}, "meta": ...}}. Authors and referenced tweets are looked up in
 * the page's includes. A page whose {@code data} holds users ({@code twarc2 users}, {@code followers}) gives
 * accounts.</li>
 * <li><b>Flattened tweets</b> ({@code twarc2 flatten}): one tweet per line with {@code author} embedded and each
 * {@code referenced_tweets} entry merged with the referenced tweet (and its {@code author}) when twarc had it.</li>
 * </ul>
 * A line holding a JSON array is read as its elements.
 *
 * <p><b>Mapping:</b> {@code referenced_tweets} retweeted → retweetOf (its author from the includes or the
 * embedded tweet, when known), quoted → quoteOf, replied_to → replyTo; {@code in_reply_to_user_id} →
 * replyToAuthor; {@code entities.hashtags[].tag}; {@code entities.urls[].expanded_url}, else {@code url};
 * {@code entities.mentions[]} → mentionIds by {@code id}, else (no id, none in the includes) mentionNames;
 * {@code source} → client; {@code note_tweet.text} (a long tweet's full text) over {@code text}. Users:
 * {@code id}, {@code username}, {@code name}, {@code created_at}, {@code public_metrics.followers_count} and
 * {@code following_count}, {@code description}, {@code location}, {@code url} (expanded when the entities say).
 *
 * <p><b>Included tweets</b> (the originals of retweets, quotes and replies) are emitted as posts as well, since
 * reaction delays need their times, when they carry an id, an author and a time; otherwise they stay references.
 * Included users that authored no emitted post are emitted as accounts (the mentioned and replied-to). An
 * original that recurs on many pages is emitted about once: the last {@value #RECENT_IDS} emitted ids are
 * remembered.
 *
 * <p><b>Errors:</b> a line that is not JSON, or a tweet without id, author or a valid {@code created_at}, is a
 * {@link BadRow} with its line and JSON path, and reading goes on. A file whose first line is not JSON, or that
 * holds API v1.1 tweets (twarc 1), is an {@link ImportException}: it is the wrong file or format.
 */
public final class Twarc2Reader implements SourceReader {

    /** A page of 500 tweets with includes is a few megabytes; far longer is not a twarc line. */
    static final int MAX_LINE_CHARS = 64 << 20;

    /** Referenced tweets embed referenced tweets; three levels is all twarc ever writes. */
    private static final int MAX_DEPTH = 3;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * How many recently emitted ids are remembered so that an original retweeted on many pages is emitted about
     * once, not once per page: bounded, so memory stays flat; a repeat beyond it is harmless (the writer MERGEs).
     */
    static final int RECENT_IDS = 1 << 17;

    @Override
    public void read(List<ImportFile> files, RecordSink sink) throws IOException {
        Recent recent = new Recent();
        for (ImportFile file : files) {
            file.forEachPart((part, text) -> readPart(part, text, sink, recent));
        }
    }

    private void readPart(String part, Reader text, RecordSink sink, Recent recent) throws IOException {
        LineReader lines = new LineReader(text);
        boolean first = true;
        for (String line; (line = lines.next()) != null; ) {
            long lineNo = lines.lineNumber();
            if (line == LineReader.TOO_LONG) {
                sink.badRow(new BadRow(
                        part,
                        lineNo,
                        null,
                        "a line longer than " + (MAX_LINE_CHARS >> 20) + " Mi characters; not a twarc line, skipped"));
                first = false;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (first) {
                    throw new ImportException(part + ": line " + lineNo + " is not JSON, so this is not a twarc2 file"
                            + " (JSON Lines: one JSON object per line). A pretty-printed JSON file can be converted"
                            + " with jq -c; a CSV belongs to the infoops or shares format.");
                }
                sink.badRow(new BadRow(part, lineNo, null, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (first && looksLikeV1(node)) {
                throw new ImportException(part + ": holds Twitter API v1.1 tweets (id_str, user), as twarc 1 writes;"
                        + " this reader reads API v2 (twarc2). Convert them with twarc2's twarc1to2 plugin first.");
            }
            first = false;
            Line context = new Line(part, lineNo, sink, recent);
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    context.value(node.get(i), "[" + i + "]");
                }
            } else {
                context.value(node, "");
            }
        }
    }

    private static boolean looksLikeV1(JsonNode node) {
        JsonNode first = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        return first.isObject() && first.has("id_str") && first.has("user");
    }

    /** Ids of posts and accounts emitted lately, across lines and files; least recently added forgotten first. */
    private static final class Recent {
        final Set<String> posts = lru();
        final Set<String> accounts = lru();

        private static Set<String> lru() {
            return java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>(1 << 10, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT_IDS;
                }
            });
        }
    }

    /** What one line gives: the lookups its page offers and what it has emitted. */
    private static final class Line {
        private final String part;
        private final long line;
        private final RecordSink sink;
        private final Recent recent;
        private final Map<String, JsonNode> usersById = new HashMap<>();
        private final Map<String, JsonNode> usersByName = new HashMap<>();
        private final Map<String, JsonNode> tweets = new HashMap<>();
        private final Set<String> emittedPosts = new HashSet<>();
        private final Set<String> emittedAccounts = new HashSet<>();

        Line(String part, long line, RecordSink sink, Recent recent) {
            this.part = part;
            this.line = line;
            this.sink = sink;
            this.recent = recent;
        }

        void value(JsonNode node, String path) {
            if (!node.isObject()) {
                sink.badRow(new BadRow(part, line, path.isEmpty() ? null : path, "not a JSON object"));
            } else if (node.has("data") || node.has("meta") || node.has("errors")) {
                // A page with no data is what an empty search or a page of only errors looks like: nothing to read.
                page(node, path);
            } else if (isTweet(node)) {
                usersById.clear();
                usersByName.clear();
                tweets.clear();
                tweet(node, path, 0);
            } else if (isUser(node)) {
                account(node, true);
            } else {
                sink.badRow(new BadRow(
                        part,
                        line,
                        path.isEmpty() ? null : path,
                        "neither a response page (no 'data') nor a tweet (no 'id' and 'text')"));
            }
        }

        private void page(JsonNode page, String path) {
            String prefix = path.isEmpty() ? "" : path + ".";
            JsonNode includes = page.path("includes");
            usersById.clear();
            usersByName.clear();
            tweets.clear();
            for (JsonNode user : includes.path("users")) {
                if (user.hasNonNull("id")) {
                    usersById.put(user.get("id").asText(), user);
                }
                if (user.hasNonNull("username")) {
                    usersByName.put(user.get("username").asText().toLowerCase(Locale.ROOT), user);
                }
            }
            for (JsonNode tweet : includes.path("tweets")) {
                if (tweet.hasNonNull("id")) {
                    tweets.put(tweet.get("id").asText(), tweet);
                }
            }
            JsonNode data = page.path("data");
            List<JsonNode> items = new ArrayList<>();
            if (data.isArray()) {
                data.forEach(items::add);
            } else if (!data.isMissingNode()) {
                items.add(data);
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String itemPath = prefix + "data" + (data.isArray() ? "[" + i + "]" : "");
                if (isTweet(item)) {
                    tweet(item, itemPath, 0);
                } else if (isUser(item)) {
                    account(item, true);
                } else {
                    sink.badRow(new BadRow(part, line, itemPath, "neither a tweet nor a user"));
                }
            }
            int i = 0;
            for (JsonNode included : includes.path("tweets")) {
                String includedPath = prefix + "includes.tweets[" + i++ + "]";
                if (included.hasNonNull("id") && !seen(included.get("id").asText()) && canBePost(included)) {
                    tweet(included, includedPath, 1);
                }
            }
            for (JsonNode user : includes.path("users")) {
                if (user.hasNonNull("id")
                        && !emittedAccounts.contains(user.get("id").asText())) {
                    account(user, false);
                }
            }
        }

        /**
         * Flattened lines carry the replied-to and mentioned users' profiles inline (a page has them in its
         * includes, emitted at its end): emitted as accounts when they hold more than an id and a name.
         */
        private void embeddedUsers(JsonNode t) {
            JsonNode replied = t.path("in_reply_to_user");
            if (hasProfile(replied)) {
                account(replied, false);
            }
            for (JsonNode mention : t.path("entities").path("mentions")) {
                if (hasProfile(mention)) {
                    account(mention, false);
                }
            }
        }

        private static boolean hasProfile(JsonNode user) {
            return user.isObject()
                    && user.hasNonNull("id")
                    && (user.has("created_at") || user.has("public_metrics") || user.has("description"));
        }

        /** Emits a tweet and the referenced tweets embedded in it; a depth above 0 means "a referenced one". */
        private void tweet(JsonNode t, String path, int depth) {
            String prefix = path.isEmpty() ? "" : path + ".";
            PostRecord post;
            try {
                post = toPost(t, prefix);
            } catch (RowException e) {
                sink.badRow(e.toBadRow(part, line));
                return;
            }
            // The page's own tweets are always emitted; a referenced one only when not emitted lately.
            if (emittedPosts.add(post.id()) && (depth == 0 || !recent.posts.contains(post.id()))) {
                emittedAccounts.add(post.author().id());
                recent.posts.add(post.id());
                if (post.author().screenName() != null) {
                    // Only a full profile makes a later copy redundant; an id alone does not.
                    recent.accounts.add(post.author().id());
                }
                sink.post(post);
            }
            embeddedUsers(t);
            if (depth >= MAX_DEPTH) {
                return;
            }
            int i = 0;
            for (JsonNode ref : t.path("referenced_tweets")) {
                // Flattened lines merge the referenced tweet into its {type, id} entry.
                if (ref.hasNonNull("id")
                        && canBePost(ref)
                        && !seen(ref.get("id").asText())) {
                    tweet(ref, prefix + "referenced_tweets[" + i + "]", depth + 1);
                }
                i++;
            }
        }

        private PostRecord toPost(JsonNode t, String prefix) throws RowException {
            String id = text(t, "id");
            if (id == null) {
                throw new RowException(prefix + "id", "a tweet without an id");
            }
            AccountRecord author = author(t);
            if (author == null) {
                throw new RowException(prefix + "author_id", "tweet " + id + " has no author_id");
            }
            String created = text(t, "created_at");
            if (created == null) {
                throw new RowException(
                        prefix + "created_at",
                        "tweet " + id + " has no created_at (request it with" + " tweet.fields=created_at)");
            }
            Instant createdAt;
            try {
                createdAt = Values.dateTime(created, ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new RowException(
                        prefix + "created_at", "tweet " + id + ": not a time: '" + Values.abbreviate(created) + "'");
            }
            String retweetOf = null;
            String retweetOfAuthor = null;
            String quoteOf = null;
            String replyTo = null;
            for (JsonNode ref : t.path("referenced_tweets")) {
                String refId = text(ref, "id");
                switch (ref.path("type").asText()) {
                    case "retweeted" -> {
                        retweetOf = refId;
                        retweetOfAuthor = authorIdOf(ref);
                    }
                    case "quoted" -> quoteOf = refId;
                    case "replied_to" -> replyTo = refId;
                    default -> {}
                }
            }
            JsonNode entities = t.path("entities");
            List<String> hashtags = new ArrayList<>();
            for (JsonNode h : entities.path("hashtags")) {
                addText(hashtags, h, "tag");
            }
            List<String> urls = new ArrayList<>();
            for (JsonNode u : entities.path("urls")) {
                if (!addText(urls, u, "expanded_url")) {
                    addText(urls, u, "url");
                }
            }
            Set<String> mentionIds = new LinkedHashSet<>();
            Set<String> mentionNames = new LinkedHashSet<>();
            for (JsonNode m : entities.path("mentions")) {
                String mentionId = text(m, "id");
                String username = text(m, "username");
                if (mentionId == null && username != null) {
                    JsonNode user = usersByName.get(username.toLowerCase(Locale.ROOT));
                    mentionId = user == null ? null : text(user, "id");
                }
                if (mentionId != null) {
                    mentionIds.add(mentionId);
                } else if (username != null) {
                    mentionNames.add(username);
                }
            }
            String body = text(t.path("note_tweet"), "text");
            if (body == null) {
                body = t.hasNonNull("text") ? t.get("text").asText() : null;
            }
            return new PostRecord(
                    id,
                    author,
                    createdAt,
                    body,
                    text(t, "lang"),
                    text(t, "source"),
                    retweetOf,
                    retweetOfAuthor,
                    quoteOf,
                    replyTo,
                    text(t, "in_reply_to_user_id"),
                    hashtags,
                    urls,
                    null,
                    null,
                    new ArrayList<>(mentionIds),
                    new ArrayList<>(mentionNames),
                    part + ":" + line);
        }

        /** The author: the page's user, else the embedded one, else only the id. */
        private AccountRecord author(JsonNode t) {
            String authorId = text(t, "author_id");
            JsonNode embedded = t.path("author");
            if (authorId == null) {
                authorId = text(embedded, "id");
            }
            if (authorId == null) {
                return null;
            }
            JsonNode user = usersById.get(authorId);
            if (user == null && embedded.isObject() && !embedded.isEmpty()) {
                user = embedded;
            }
            return user == null ? AccountRecord.ofId(authorId) : toAccount(user, authorId);
        }

        /** A referenced tweet's author id: merged into the entry (flattened) or from the page's includes. */
        private String authorIdOf(JsonNode ref) {
            String authorId = text(ref, "author_id");
            if (authorId == null) {
                authorId = text(ref.path("author"), "id");
            }
            if (authorId == null && ref.hasNonNull("id")) {
                JsonNode included = tweets.get(ref.get("id").asText());
                authorId = included == null ? null : text(included, "author_id");
            }
            return authorId;
        }

        /** Emits a user; one that is only included or embedded is skipped when emitted lately. */
        private void account(JsonNode user, boolean always) {
            String id = text(user, "id");
            if (id == null) {
                sink.badRow(new BadRow(part, line, "id", "a user without an id"));
                return;
            }
            if (emittedAccounts.add(id) && (recent.accounts.add(id) || always)) {
                sink.account(toAccount(user, id));
            }
        }

        private boolean seen(String postId) {
            return emittedPosts.contains(postId) || recent.posts.contains(postId);
        }

        private static AccountRecord toAccount(JsonNode u, String id) {
            Instant createdAt = null;
            String created = text(u, "created_at");
            if (created != null) {
                try {
                    createdAt = Values.dateTime(created, ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // A profile's creation time is a detail: the account still counts without it.
                    createdAt = null;
                }
            }
            JsonNode metrics = u.path("public_metrics");
            String url = null;
            for (JsonNode entity : u.path("entities").path("url").path("urls")) {
                url = text(entity, "expanded_url");
            }
            if (url == null) {
                url = u.hasNonNull("url") ? u.get("url").asText() : null;
            }
            return new AccountRecord(
                    id,
                    text(u, "username"),
                    stringOrNull(u, "name"),
                    createdAt,
                    metrics.path("followers_count").isNumber()
                            ? metrics.get("followers_count").asLong()
                            : null,
                    metrics.path("following_count").isNumber()
                            ? metrics.get("following_count").asLong()
                            : null,
                    null,
                    stringOrNull(u, "location"),
                    stringOrNull(u, "description"),
                    url);
        }

        private static boolean isTweet(JsonNode node) {
            return node.hasNonNull("id")
                    && (node.has("text") || node.has("author_id") || node.has("created_at") && !node.has("username"));
        }

        private static boolean isUser(JsonNode node) {
            return node.hasNonNull("id") && node.has("username") && !node.has("text");
        }

        /** An included or embedded tweet becomes a post only when complete; else it stays a reference. */
        private static boolean canBePost(JsonNode t) {
            return t.hasNonNull("created_at")
                    && (t.hasNonNull("author_id") || t.path("author").hasNonNull("id"));
        }

        /** A non-blank scalar as text, else null. */
        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || value.isContainerNode()) {
                return null;
            }
            String s = value.asText();
            return s.isBlank() ? null : s;
        }

        /** A free-text field as given, empty included (an empty profile is a signal); null when absent. */
        private static String stringOrNull(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
        }

        private static boolean addText(List<String> to, JsonNode node, String field) {
            String value = text(node, field);
            if (value != null && !to.contains(value)) {
                to.add(value);
                return true;
            }
            return value != null;
        }
    }

    /**
     * Lines of a part, counted, with a length limit so a file without line breaks cannot fill the memory: an
     * over-long line is skipped to its end and returned as {@link #TOO_LONG}.
     */
    static final class LineReader {
        static final String TOO_LONG = new String("<too long>");

        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        private long lineNumber;
        private final StringBuilder line = new StringBuilder();

        LineReader(Reader in) {
            this.in = in;
        }

        /** The number of the line last returned (1-based). */
        long lineNumber() {
            return lineNumber;
        }

        /** The next line without its terminator (\n, \r\n), or null at the end. */
        String next() throws IOException {
            line.setLength(0);
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                if (!tooLong) {
                    line.append(buf, start, pos - start);
                    if (line.length() > MAX_LINE_CHARS) {
                        tooLong = true;
                        line.setLength(0);
                        line.trimToSize();
                    }
                }
                if (pos < len) {
                    pos++;
                    break;
                }
            }
            lineNumber++;
            if (tooLong) {
                return TOO_LONG;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            return line.substring(0, end);
        }
    }
}
