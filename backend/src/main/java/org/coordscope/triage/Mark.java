package org.coordscope.triage;

/**
 * An investigator's verdict on an account or a cluster.
 *
 * @param targetType {@code account} or {@code cluster}
 * @param targetId   the account id (as in the source) or the cluster id
 * @param dataset    the dataset the account or cluster belongs to
 * @param status     {@code confirmed}, {@code false_positive} or {@code needs_review}
 * @param note       free text, may be null
 * @param updatedAt  ISO-8601 UTC
 */
public record Mark(String targetType, String targetId, String dataset, String status, String note, String updatedAt) {}
