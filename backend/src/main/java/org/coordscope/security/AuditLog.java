package org.coordscope.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.coordscope.web.Page;
import org.coordscope.web.SpreadsheetSafe;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Service;

/**
 * The audit trail: who ran which query, exported, imported, detected, deleted or triaged what, and when. Append-only:
 * entries are created here and nowhere updated or deleted. Their {@code seq} orders them: a number taken in this
 * process before the entry's transaction, the larger of the previous one plus one and the time in microseconds
 * since 1970 (so it keeps rising across restarts and a clock set back, starting above the largest stored), unique by
 * constraint ({@code cypher/schema.cypher}). No write lock is shared by the writers: a counter node did that
 * before, and serialised every audited call (docs/performance.md). Should two processes writing one external
 * server take the same number, the constraint refuses the second, which takes a new one.
 */
@Service
public class AuditLog {

    /** The actor of a request that carried no user (before sign-in is configured). */
    public static final String ANONYMOUS = "anonymous";

    public static final List<String> CSV_COLUMNS = List.of("seq", "at", "actor", "action", "target", "details");

    static final String APPEND = """
            CREATE (e:AuditEntry {seq: $seq, at: datetime(), actor: $actor, action: $action, target: $target,
                                  details: $details})
            RETURN e
            """;

    /** The largest {@code seq} stored, read once, before this process's first entry. */
    static final String LAST_SEQ = "MATCH (e:AuditEntry) RETURN e.seq AS seq ORDER BY e.seq DESC LIMIT 1";

    private static final long NOT_READ = Long.MIN_VALUE;
    private static final int ATTEMPTS = 5;

    static final String FILTER = """
            MATCH (e:AuditEntry)
            WHERE ($actor IS NULL OR e.actor = $actor)
              AND ($action IS NULL OR e.action = $action OR e.action STARTS WITH $action + '.')
              AND ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)
            """;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Driver driver;
    private final ObjectMapper json;
    /** The last {@code seq} taken (or stored, before the first), {@link #NOT_READ} until read. */
    private final AtomicLong last = new AtomicLong(NOT_READ);

    public AuditLog(Driver driver, ObjectMapper json) {
        this.driver = driver;
        this.json = json;
    }

    /** The actor of a web request: the signed-in user's name, or {@value #ANONYMOUS}. */
    public static String actor(Principal principal) {
        return principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
    }

    /** The actor of the local command line: {@code cli:} and the operating-system user. */
    public static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Audit details from key-value pairs, in order; null values kept (Map.of refuses them). */
    public static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** What an audit listing is narrowed to; null fields do not narrow. {@code to} is exclusive. */
    public record Filter(String actor, String action, ZonedDateTime from, ZonedDateTime to) {

        /** From request parameters: times as ISO-8601 instants or dates (a date is its midnight UTC). */
        public static Filter of(String actor, String action, String from, String to) {
            return new Filter(blankToNull(actor), blankToNull(action), time("from", from), time("to", to));
        }

        Map<String, Object> params() {
            Map<String, Object> p = new HashMap<>();
            p.put("actor", actor);
            p.put("action", action);
            p.put("from", from);
            p.put("to", to);
            return p;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static ZonedDateTime time(String name, String value) {
            String v = blankToNull(value);
            if (v == null) {
                return null;
            }
            try {
                return v.length() == 10
                        ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC)
                        : ZonedDateTime.parse(v).withZoneSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be an ISO-8601 time such as 2026-01-31T12:00:00Z or"
                        + " a date such as 2026-01-31; got '" + value + "'");
            }
        }
    }

    /** Appends one entry; {@code details} are stored as JSON. */
    public AuditEntry record(String actor, String action, String target, Map<String, Object> details) {
        Map<String, Object> params = new HashMap<>();
        params.put("actor", actor == null ? ANONYMOUS : actor);
        params.put("action", action);
        params.put("target", target);
        params.put("details", toJson(details == null ? Map.of() : details));
        try (var session = driver.session()) {
            for (int attempt = 1; ; attempt++) {
                params.put("seq", nextSeq(session));
                try {
                    return session.executeWrite(
                            tx -> entry(tx.run(APPEND, params).single()));
                } catch (ClientException e) {
                    if (attempt == ATTEMPTS || !"Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                        throw e;
                    }
                    // another process took this number: go on from the largest stored
                    last.accumulateAndGet(storedLast(session), Math::max);
                }
            }
        }
    }

    /** The next {@code seq}: above every one taken or stored, and at least the time in microseconds. */
    private long nextSeq(Session session) {
        if (last.get() == NOT_READ) {
            last.compareAndSet(NOT_READ, storedLast(session));
        }
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return last.accumulateAndGet(micros, (previous, time) -> Math.max(previous + 1, time));
    }

    private static long storedLast(Session session) {
        return session.executeRead(tx -> {
            var rows = tx.run(LAST_SEQ).list();
            return rows.isEmpty() ? 0 : rows.get(0).get("seq").asLong();
        });
    }

    /** One page of entries, newest first. */
    public Page<AuditEntry> search(Filter filter, Page.Request page) {
        Map<String, Object> params = filter.params();
        params.put("skip", page.skip());
        params.put("limit", page.size());
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total = tx.run(FILTER + "RETURN count(e) AS n", params)
                        .single()
                        .get("n")
                        .asLong();
                List<AuditEntry> items = tx.run(FILTER + "RETURN e ORDER BY e.seq DESC SKIP $skip LIMIT $limit", params)
                        .list(this::entry);
                return page.answer(items, total);
            });
        }
    }

    /** Every matching entry as CSV, oldest first, every cell spreadsheet-safe ({@link SpreadsheetSafe}). */
    public long writeCsv(Filter filter, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        SpreadsheetSafe p = SpreadsheetSafe.csv(w, CSV_COLUMNS);
        long[] rows = {0};
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run(FILTER + "RETURN e ORDER BY e.seq", filter.params()).forEachRemaining(r -> {
                    AuditEntry e = entry(r);
                    try {
                        p.row(e.seq(), e.at(), e.actor(), e.action(), e.target(), toJson(e.details()));
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    rows[0]++;
                });
                return null;
            });
        }
        p.flush();
        return rows[0];
    }

    private AuditEntry entry(Record r) {
        var e = r.get("e").asNode();
        Map<String, Object> details;
        try {
            details = json.readValue(e.get("details").asString("{}"), MAP);
        } catch (JsonProcessingException ex) {
            details = Map.of("raw", e.get("details").asString());
        }
        return new AuditEntry(
                e.get("seq").asLong(),
                e.get("at").asZonedDateTime().toInstant().toString(),
                e.get("actor").asString(),
                e.get("action").asString(),
                e.get("target").isNull() ? null : e.get("target").asString(),
                details);
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
