package org.coordscope.explore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/** Reading what detection wrote: the evidence JSON of a {@code COORDINATED} edge, and times as ISO-8601 UTC. */
final class Evidence {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private Evidence() {
    }

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

    /** The earliest and latest action time in an edge's evidence, or nulls when it has none. */
    static Instant[] span(List<Map<String, Object>> items) {
        Instant first = null;
        Instant last = null;
        for (Map<String, Object> item : items) {
            for (String key : new String[] {"timeA", "timeB"}) {
                if (item.get(key) instanceof String s) {
                    Instant t = Instant.parse(s);
                    first = first == null || t.isBefore(first) ? t : first;
                    last = last == null || t.isAfter(last) ? t : last;
                }
            }
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
