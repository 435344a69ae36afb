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
 * @param assignee   who is to look at it (a user name), may be null
 * @param carriedFrom for a cluster: null when the mark was set on this cluster; else the id of the marked cluster of
 *                    an earlier run whose members are mostly in this one (the mark carried over to the re-run)
 */
public record Mark(
        String targetType,
        String targetId,
        String dataset,
        String status,
        String note,
        String updatedAt,
        String assignee,
        String carriedFrom) {

    /** This mark shown on another cluster, carried over from the one it was set on. */
    Mark carriedTo(String clusterId) {
        return new Mark(targetType, clusterId, dataset, status, note, updatedAt, assignee, targetId);
    }
}
