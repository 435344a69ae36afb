package org.coordscope.ingest.model;

import java.time.Instant;

/**
 * One account as a source file describes it. Only {@code id} is required; a null field means "not in this
 * source" and never overwrites what an earlier file stored.
 */
public record AccountRecord(
        String id,
        String screenName,
        String displayName,
        Instant createdAt,
        Long followers,
        Long following,
        String lang,
        String location,
        String description,
        String profileUrl) {

    public static AccountRecord ofId(String id) {
        return new AccountRecord(id, null, null, null, null, null, null, null, null, null);
    }
}
