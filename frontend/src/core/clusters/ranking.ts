import type { ClusterSummary } from "../api/types";
import { isolate } from "../text/bidi";

/**
 * Where the suspect threshold falls in a page of clusters listed by score, highest first: the index of the first
 * cluster scoring under it (0 when none reaches it), or -1 when every listed cluster reaches it, the list is in
 * another order, or the threshold is unknown.
 */
export function thresholdIndex(rows: readonly ClusterSummary[], sortedByScoreDesc: boolean): number {
  if (!sortedByScoreDesc || rows.length === 0) return -1;
  const threshold = rows[0]?.suspectThreshold;
  if (threshold === undefined) return -1;
  return rows.findIndex((c) => c.score < threshold);
}

/** Whether a cluster reaches the suspect threshold (false when it is unknown). */
export function isSuspect(c: ClusterSummary): boolean {
  return c.suspectThreshold !== undefined && c.score >= c.suspectThreshold;
}

/** A cluster's label for plain-text places (graph nodes): its name, isolated, with its size; else its id. */
export function clusterLabel(c: ClusterSummary): string {
  return c.name ? `${isolate(c.name)} · ${c.size}` : `${c.id} · ${c.size}`;
}
