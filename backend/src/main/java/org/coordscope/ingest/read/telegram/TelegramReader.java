package org.coordscope.ingest.read.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.ImportFile;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;
import org.coordscope.ingest.read.SourceReader;
import org.coordscope.ingest.read.TextEntities;

/**
 * Reads Telegram data in its two common shapes, told apart by content:
 * <ul>
 * <li><b>Telegram Desktop export</b> ({@code result.json}): a single chat {@code {name, type, id, messages:[…]}} or a
 * full export {@code {…, chats:{list:[chat…]}, left_chats:{list:[chat…]}}}. Read with Jackson's streaming parser,
 * one message at a time, so a large export is never held whole.</li>
 * <li><b>Telethon JSON lines</b>: one {@code Message.to_dict()} per line ({@code "_": "Message"}).</li>
 * </ul>
 *
 * <p><b>Mapping.</b> A chat, channel or user is an account with the id Telegram uses in {@code from_id}:
 * {@code channel<id>} for channels and supergroups, {@code chat<id>} for basic groups, {@code user<id>} for users.
 * A message is a post with id {@code <chat account id>/<message id>}; its author is {@code from_id} or, in a channel,
 * the channel. Times: Desktop's {@code date_unixtime} (UTC epoch seconds) over {@code date}; a {@code date} alone has
 * no zone and is read as UTC. A forward is a share of its original: {@code <channel>/<post>} when the source gives
 * the original's id (Telethon's {@code fwd_from.channel_post}), else {@code forward:} and a hash of the source (its id,
 * else its display name) and the text, so two channels forwarding the same post share one original. Hashtags, links
 * and mentions come from the entities (Desktop {@code text_entities} or the entity objects in {@code text};
 * Telethon {@code entities}, whose offsets count UTF-16 code units, as Java strings do). A Desktop {@code photo} or
 * media {@code file} found beside {@code result.json} gives an image key: the SHA-256 of its bytes.
 *
 * <p><b>Skipped:</b> service messages (Desktop {@code type: service}, Telethon {@code MessageService}), counted in
 * {@link #serviceMessages()}. <b>Bad:</b> a message without id or time, or with an entity outside its text, is a
 * {@link BadRow} naming file, line, message id and field; the other messages load. A file that is neither shape is
 * refused with an {@link ImportException} saying what was expected.
 */
public final class TelegramReader implements SourceReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** How far the first line is looked at to tell Telethon lines from a Desktop export. */
    private static final int SNIFF_CHARS = 1 << 20;

    static final String EXPECTED = "expected a Telegram Desktop export (result.json with 'messages' or"
            + " 'chats': {'list': [...]}) or Telethon JSON lines (one Message.to_dict() per line, \"_\": \"Message\")";

    private long serviceMessages;

    @Override
    public long serviceMessages() {
        return serviceMessages;
    }

    @Override
    public void read(List<ImportFile> files, RecordSink sink) throws IOException {
        for (ImportFile file : files) {
            Path mediaRoot = file.path()
                            .getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .matches(".*\\.(gz|zip)$")
                    ? null
                    : file.path().toAbsolutePath().getParent();
            file.forEachPart((part, text) -> readPart(part, text, sink, mediaRoot));
        }
    }

    private void readPart(String part, Reader text, RecordSink sink, Path mediaRoot) throws IOException {
        BufferedReader in = new BufferedReader(text, 1 << 16);
        in.mark(SNIFF_CHARS + 1);
        String firstLine = firstLine(in);
        in.reset();
        if (firstLine == null) {
            throw new ImportException(part + ": the file is empty; " + EXPECTED);
        }
        JsonNode first = null;
        if (firstLine.startsWith("{") && firstLine.endsWith("}")) {
            try {
                first = JSON.readTree(firstLine);
            } catch (JsonProcessingException e) {
                first = null;
            }
        }
        if (first != null && first.has("_")) {
            new TelethonLines(part, sink).read(in);
        } else if (firstLine.startsWith("{")) {
            new DesktopExport(part, sink, mediaRoot).read(in);
        } else {
            throw new ImportException(part + ": not JSON; " + EXPECTED);
        }
    }

    /** The first non-blank line, trimmed, or "{" when it is longer than the sniffing limit (a one-line export). */
    private static String firstLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c, n = 0; (c = in.read()) >= 0 && n < SNIFF_CHARS; n++) {
            if (c == '\n') {
                if (!line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        String trimmed = line.toString().strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A chat's account id from a Desktop chat type and id. */
    static String chatAccountId(String type, String id) {
        return switch (type == null ? "" : type) {
            case "personal_chat", "saved_messages", "bot_chat" -> "user" + id;
            case "private_group" -> "chat" + id;
            default -> "channel" + id;
        };
    }

    /** The original's id for a forward known by source and text only. */
    static String forwardId(String source, String text) {
        return "forward:"
                + TextEntities.textId(source + "\n" + (text == null ? "" : text))
                        .substring("text:".length());
    }

    private static final class MessageFault extends Exception {
        final String field;

        MessageFault(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /** Entities collected from a message. */
    private static final class Found {
        final Set<String> hashtags = new LinkedHashSet<>();
        final Set<String> urls = new LinkedHashSet<>();
        final Set<String> mentionIds = new LinkedHashSet<>();
        final Set<String> mentionNames = new LinkedHashSet<>();
        final List<String> images = new ArrayList<>();

        void add(String type, String text, String href, String userId) {
            if (type == null) {
                return;
            }
            switch (type) {
                case "hashtag", "MessageEntityHashtag" -> add(hashtags, strip(text, '#'));
                case "link", "url", "MessageEntityUrl" -> add(urls, text);
                case "text_link", "MessageEntityTextUrl" -> add(urls, href);
                case "mention", "MessageEntityMention" -> add(mentionNames, strip(text, '@'));
                case "mention_name", "MessageEntityMentionName" ->
                    add(mentionIds, userId == null ? null : "user" + userId);
                default -> {}
            }
        }

        private static void add(Set<String> into, String value) {
            if (value != null && !value.isBlank()) {
                into.add(value.strip());
            }
        }

        private static String strip(String text, char prefix) {
            return text != null && !text.isEmpty() && text.charAt(0) == prefix ? text.substring(1) : text;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** {@code peer_id}/{@code from_id}-style objects of Telethon: PeerChannel, PeerChat, PeerUser. */
    private static String peer(JsonNode peer) {
        if (peer == null || !peer.isObject()) {
            return null;
        }
        if (peer.hasNonNull("channel_id")) {
            return "channel" + peer.get("channel_id").asText();
        }
        if (peer.hasNonNull("chat_id")) {
            return "chat" + peer.get("chat_id").asText();
        }
        if (peer.hasNonNull("user_id")) {
            return "user" + peer.get("user_id").asText();
        }
        return null;
    }

    /** Reads a Desktop export by streaming: the chat's fields, then each message as a small tree. */
    private final class DesktopExport {
        private final String part;
        private final RecordSink sink;
        private final Path mediaRoot;
        private boolean sawChat;

        DesktopExport(String part, RecordSink sink, Path mediaRoot) {
            this.part = part;
            this.sink = sink;
            this.mediaRoot = mediaRoot;
        }

        void read(Reader in) throws IOException {
            try (JsonParser parser = FACTORY.createParser(in)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new ImportException(part + ": not a JSON object; " + EXPECTED);
                }
                chatOrExport(parser, true);
                if (!sawChat) {
                    throw new ImportException(
                            part + ": a JSON object with neither 'messages' nor 'chats'; " + EXPECTED);
                }
            } catch (JsonProcessingException e) {
                throw new ImportException(
                        part + ": broken JSON at line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage()
                                + "); the messages before it"
                                + " are loaded, the rest of the file cannot be read",
                        e);
            }
        }

        /** Reads the fields of an object that is a chat (name, type, id, messages) or a full export (chats). */
        private void chatOrExport(JsonParser parser, boolean root) throws IOException {
            String name = null;
            String type = null;
            String id = null;
            String chatAccount = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = value.isScalarValue() ? parser.getValueAsString() : skip(parser, null);
                    case "type" -> type = value.isScalarValue() ? parser.getValueAsString() : skip(parser, null);
                    case "id" -> id = value.isScalarValue() ? parser.getValueAsString() : skip(parser, null);
                    case "messages" -> {
                        sawChat = true;
                        if (id == null) {
                            throw new ImportException(
                                    part + ": line " + parser.currentLocation().getLineNr()
                                            + ": a chat whose 'id' is not given before its messages; " + EXPECTED);
                        }
                        chatAccount = chatAccountId(type, id);
                        sink.account(
                                new AccountRecord(chatAccount, null, name, null, null, null, null, null, null, null));
                        if (value != JsonToken.START_ARRAY) {
                            throw new ImportException(part + ": 'messages' is not a list; " + EXPECTED);
                        }
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            long line = parser.currentLocation().getLineNr();
                            JsonNode message = parser.readValueAsTree();
                            message(message, chatAccount, line);
                        }
                    }
                    case "chats", "left_chats" -> {
                        if (root && value == JsonToken.START_OBJECT) {
                            chatList(parser);
                        } else {
                            skip(parser, null);
                        }
                    }
                    default -> skip(parser, null);
                }
            }
        }

        private void chatList(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("list") && value == JsonToken.START_ARRAY) {
                    sawChat = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        chatOrExport(parser, false);
                    }
                } else {
                    skip(parser, null);
                }
            }
        }

        private String skip(JsonParser parser, String none) throws IOException {
            parser.skipChildren();
            return none;
        }

        private void message(JsonNode m, String chatAccount, long line) {
            String messageId = text(m, "id");
            if (!m.isObject()) {
                sink.badRow(new BadRow(part, line, "messages[]", "a message that is not a JSON object"));
                return;
            }
            if ("service".equals(text(m, "type"))) {
                serviceMessages++;
                return;
            }
            try {
                sink.post(toPost(m, chatAccount, line, messageId));
            } catch (MessageFault e) {
                sink.badRow(new BadRow(
                        part,
                        line,
                        e.field,
                        "message " + (messageId == null ? "without id" : messageId) + ": " + e.getMessage()));
            }
        }

        private PostRecord toPost(JsonNode m, String chatAccount, long line, String messageId) throws MessageFault {
            if (messageId == null) {
                throw new MessageFault("id", "no message id");
            }
            Instant createdAt = time(m);
            String fromId = text(m, "from_id");
            AccountRecord author = fromId == null
                    ? AccountRecord.ofId(chatAccount)
                    : new AccountRecord(fromId, null, text(m, "from"), null, null, null, null, null, null, null);
            Found found = new Found();
            String body = body(m.get("text"), found, m.has("text_entities"));
            for (JsonNode entity : m.path("text_entities")) {
                found.add(text(entity, "type"), text(entity, "text"), text(entity, "href"), text(entity, "user_id"));
            }
            for (String mediaField : List.of("photo", "file")) {
                String hash = mediaHash(text(m, mediaField));
                if (hash != null) {
                    found.images.add(hash);
                }
            }
            String retweetOf = null;
            String retweetOfAuthor = null;
            String forwardedFrom = text(m, "forwarded_from");
            String forwardedFromId = text(m, "forwarded_from_id");
            if (forwardedFrom != null || forwardedFromId != null) {
                retweetOfAuthor = forwardedFromId;
                retweetOf = forwardId(forwardedFromId != null ? forwardedFromId : "name:" + forwardedFrom, body);
            }
            String replyId = text(m, "reply_to_message_id");
            return new PostRecord(
                    chatAccount + "/" + messageId,
                    author,
                    createdAt,
                    body,
                    null,
                    null,
                    retweetOf,
                    retweetOfAuthor,
                    null,
                    replyId == null ? null : chatAccount + "/" + replyId,
                    null,
                    List.copyOf(found.hashtags),
                    List.copyOf(found.urls),
                    null,
                    found.images,
                    List.copyOf(found.mentionIds),
                    List.copyOf(found.mentionNames),
                    part + ":" + line);
        }

        private Instant time(JsonNode m) throws MessageFault {
            String unix = text(m, "date_unixtime");
            if (unix != null) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(unix.strip()));
                } catch (NumberFormatException e) {
                    throw new MessageFault("date_unixtime", "not epoch seconds: '" + unix + "'");
                }
            }
            String date = text(m, "date");
            if (date == null) {
                throw new MessageFault("date_unixtime", "neither date_unixtime nor date");
            }
            try {
                // Desktop's date is the exporting machine's local time without a zone: read as UTC (documented).
                return LocalDateTime.parse(date.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new MessageFault("date", "not a time: '" + date + "'");
            }
        }

        /** The text of a Desktop message: a string, or a list of strings and entity objects. */
        private String body(JsonNode text, Found found, boolean entitiesListed) {
            if (text == null || text.isNull()) {
                return null;
            }
            if (!text.isArray()) {
                return text.asText();
            }
            StringBuilder out = new StringBuilder();
            for (JsonNode piece : text) {
                if (piece.isObject()) {
                    String pieceText = text(piece, "text");
                    out.append(pieceText == null ? "" : pieceText);
                    if (!entitiesListed) {
                        found.add(text(piece, "type"), pieceText, text(piece, "href"), text(piece, "user_id"));
                    }
                } else {
                    out.append(piece.asText());
                }
            }
            return out.toString();
        }

        /** SHA-256 of a media file beside result.json, or null when it is not there (not exported, or in an archive). */
        private String mediaHash(String relative) {
            if (relative == null || mediaRoot == null || relative.startsWith("(")) {
                return null;
            }
            Path file = mediaRoot.resolve(relative).normalize();
            if (!file.startsWith(mediaRoot) || !Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in =
                    new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return HexFormat.of()
                        .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (IOException e) {
                return null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** Reads Telethon {@code Message.to_dict()} lines; a broken line is a bad row, the next is read. */
    private final class TelethonLines {
        private final String part;
        private final RecordSink sink;
        private final Set<String> chats = new java.util.HashSet<>();

        TelethonLines(String part, RecordSink sink) {
            this.part = part;
            this.sink = sink;
        }

        void read(BufferedReader in) throws IOException {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode m;
                try {
                    m = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    sink.badRow(new BadRow(part, lineNo, null, "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                }
                String kind = text(m, "_");
                if ("MessageService".equals(kind)) {
                    serviceMessages++;
                    continue;
                }
                String messageId = text(m, "id");
                if (!"Message".equals(kind)) {
                    sink.badRow(new BadRow(
                            part, lineNo, "_", "message " + messageId + ": '" + kind + "' is not a Telethon Message"));
                    continue;
                }
                try {
                    PostRecord post = toPost(m, messageId, lineNo);
                    if (chats.add(post.id().substring(0, post.id().indexOf('/')))) {
                        sink.account(AccountRecord.ofId(
                                post.id().substring(0, post.id().indexOf('/'))));
                    }
                    sink.post(post);
                } catch (MessageFault e) {
                    sink.badRow(new BadRow(
                            part,
                            lineNo,
                            e.field,
                            "message " + (messageId == null ? "without id" : messageId) + ": " + e.getMessage()));
                }
            }
        }

        private PostRecord toPost(JsonNode m, String messageId, long lineNo) throws MessageFault {
            if (messageId == null) {
                throw new MessageFault("id", "no message id");
            }
            String chat = peer(m.get("peer_id"));
            if (chat == null) {
                throw new MessageFault("peer_id", "no channel_id, chat_id or user_id");
            }
            String date = text(m, "date");
            if (date == null) {
                throw new MessageFault("date", "no date");
            }
            Instant createdAt;
            try {
                createdAt = OffsetDateTime.parse(date.strip().replace(' ', 'T')).toInstant();
            } catch (DateTimeException e) {
                throw new MessageFault("date", "not an ISO time with offset: '" + date + "'");
            }
            String from = peer(m.get("from_id"));
            String body = text(m, "message");
            Found found = new Found();
            JsonNode entities = m.path("entities");
            for (int i = 0; i < entities.size(); i++) {
                JsonNode e = entities.get(i);
                int offset = e.path("offset").asInt(-1);
                int length = e.path("length").asInt(-1);
                String kind = text(e, "_");
                // Offsets and lengths count UTF-16 code units, which is what a Java String indexes.
                if (body == null || offset < 0 || length < 0 || offset + length > body.length()) {
                    throw new MessageFault(
                            "entities[" + i + "]",
                            "offset " + offset + " and length " + length + " lie outside the text of "
                                    + (body == null ? 0 : body.length()) + " UTF-16 units");
                }
                String covered = body.substring(offset, offset + length);
                found.add(kind, covered, text(e, "url"), text(e, "user_id"));
            }
            String webpage = text(m.path("media").path("webpage"), "url");
            if (webpage != null) {
                found.urls.add(webpage);
            }
            String retweetOf = null;
            String retweetOfAuthor = null;
            JsonNode fwd = m.get("fwd_from");
            if (fwd != null && fwd.isObject()) {
                retweetOfAuthor = peer(fwd.get("from_id"));
                String post = text(fwd, "channel_post");
                if (retweetOfAuthor != null && post != null) {
                    retweetOf = retweetOfAuthor + "/" + post;
                } else {
                    String source = retweetOfAuthor != null ? retweetOfAuthor : "name:" + text(fwd, "from_name");
                    retweetOf = forwardId(source, body);
                }
            }
            JsonNode replyTo = m.path("reply_to");
            String replyId = text(replyTo, "reply_to_msg_id");
            return new PostRecord(
                    chat + "/" + messageId,
                    AccountRecord.ofId(from == null ? chat : from),
                    createdAt,
                    body,
                    null,
                    null,
                    retweetOf,
                    retweetOfAuthor,
                    null,
                    replyId == null ? null : chat + "/" + replyId,
                    null,
                    List.copyOf(found.hashtags),
                    List.copyOf(found.urls),
                    null,
                    null,
                    List.copyOf(found.mentionIds),
                    List.copyOf(found.mentionNames),
                    part + ":" + lineNo);
        }
    }
}
