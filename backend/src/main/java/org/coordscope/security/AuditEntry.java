package org.coordscope.security;

import java.util.Map;

/**
 * One line of the audit trail, as stored in {@code (:AuditEntry)} and answered by {@code GET /api/admin/audit}.
 *
 * @param seq     the entry's place in the trail: rising in the order taken, unique, never reused (the time in
 *                microseconds since 1970, or one more than the previous number when that is larger: {@link AuditLog})
 * @param at      when, ISO-8601 UTC
 * @param actor   who: the signed-in user's name, {@code cli:OSUSER} for the local command line, {@code anonymous}
 *                when a request carried no user
 * @param action  what, e.g. {@code query.run} (the list is in docs/hardening.md)
 * @param target  on what: a query name, run, cluster or dataset id, an account id; may be null
 * @param details the parameters and counts, as JSON
 */
public record AuditEntry(
        long seq, String at, String actor, String action, String target, Map<String, Object> details) {}
