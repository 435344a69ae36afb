package org.coordscope.explore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/** Reading what detection wrote: the evidence JSON of a {@code COORDINATED} edge, and times as ISO-8601 UTC. */
final class Evidence {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

    private Evidence() {}

    /** The evidence items of an edge: {@code [{signal, object, idf, timeA, timeB}]}. */
    static List<Map<String, Object>> parse(ObjectMapper json, Value evidence) {
        if (evidence == null || evidence.isNull()) {
            return List.of();
        }
        try {
            return json.readValue(evidence.asString(), LIST);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable evidence JSON on a COORDINATED edge", e);
        }
    }

    /**
     * The earliest and latest action time ({@code timeA}, {@code timeB} of its items) in an edge's evidence, or nulls
     * when it has none. Streams the JSON without building the items (the graph view reads it for every edge).
     */
    static Instant[] span(ObjectMapper json, Value evidence) {
        Instant first = null;
        Instant last = null;
        if (evidence == null || evidence.isNull()) {
            return new Instant[] {null, null};
        }
        try (JsonParser p = json.getFactory().createParser(evidence.asString())) {
            int depth = 0;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> field = p.currentName();
                    case VALUE_STRING -> {
                        if (depth == 2 && ("timeA".equals(field) || "timeB".equals(field))) { // [ {item} ]
                            Instant time = Instant.parse(p.getText());
                            first = first == null || time.isBefore(first) ? time : first;
                            last = last == null || time.isAfter(last) ? time : last;
                        }
                    }
                    default -> {}
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable evidence JSON on a COORDINATED edge", e);
        }
        return new Instant[] {first, last};
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** A stored date-time (zoned, local taken as UTC, or already a string) as ISO-8601 UTC; null stays null. */
    static String iso(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.asObject();
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (o instanceof java.time.OffsetDateTime z) {
            return z.toInstant().toString();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        return String.valueOf(o);
    }
}
