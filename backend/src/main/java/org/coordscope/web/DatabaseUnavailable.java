package org.coordscope.web;

import java.util.Optional;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Whether a failure means that the graph database cannot serve anyone: the server is down or unreachable, or Neo4j
 * stopped its database after a critical error (a full disk does that). Such a failure is answered 503 with what to
 * do, never blamed on the request or on the caller's password (issue 19: with a full disk every sign-in answered
 * "Wrong user name or password").
 */
public final class DatabaseUnavailable {

    /** What a caller is told; {@link #detail(Throwable)} adds Neo4j's own words. */
    public static final String MESSAGE = "The graph database is not available, so this request could not be served."
            + " Try again in a minute; if it persists, an admin should check the server's log and the free space on"
            + " the store's disk (df -h), free space if it is full, and restart the server.";

    private static final String UNAVAILABLE_CODE = "Neo.TransientError.General.DatabaseUnavailable";

    private DatabaseUnavailable() {}

    /** Neo4j's message when {@code failure} (or one of its causes) says the database cannot serve requests. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
            if (t instanceof Neo4jException neo4j
                    && (UNAVAILABLE_CODE.equals(neo4j.code())
                            || String.valueOf(neo4j.getMessage()).contains("critical error"))) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** {@link #MESSAGE} with Neo4j's reason. */
    public static String detail(Throwable failure) {
        return MESSAGE + reason(failure).map(r -> " (Neo4j: " + r + ")").orElse("");
    }
}
