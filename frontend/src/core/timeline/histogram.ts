import type { Activity, GraphEdge } from "../api/types";

/** A closed time range in epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

/** A histogram: `counts[i]` events in [start + i·bucketMs, start + (i+1)·bucketMs). */
export interface Histogram {
  start: number;
  bucketMs: number;
  counts: number[];
}

/** Parses an ISO instant to epoch ms; null for missing or unparseable text. */
export function toMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** The server's activity answer as a histogram; null when it has no usable start or buckets. */
export function fromActivity(activity: Activity | null | undefined): Histogram | null {
  if (!activity || activity.counts.length === 0 || !(activity.bucketSeconds > 0)) return null;
  const start = toMs(activity.from);
  return start === null ? null : { start, bucketMs: activity.bucketSeconds * 1000, counts: [...activity.counts] };
}

/**
 * Bins times into `buckets` equal buckets spanning the earliest to the latest time (the last bucket
 * includes the latest). Null times are skipped; no times give an empty histogram.
 */
export function binTimes(times: readonly (number | null)[], buckets: number): Histogram {
  const valid = times.filter((t): t is number => t !== null && Number.isFinite(t));
  if (valid.length === 0 || buckets < 1) return { start: 0, bucketMs: 1, counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const t of valid) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const n = max === min ? 1 : Math.floor(buckets);
  const bucketMs = max === min ? 1 : (max - min) / n;
  const counts = new Array<number>(n).fill(0);
  for (const t of valid) {
    const i = Math.min(n - 1, Math.floor((t - min) / bucketMs));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { start: min, bucketMs, counts };
}

/** The histogram of edges by the start of their evidence: the fallback when the server sends no activity. */
export function edgeHistogram(edges: readonly GraphEdge[], buckets: number): Histogram {
  return binTimes(
    edges.map((e) => toMs(e.firstAt)),
    buckets,
  );
}

/** The time range the slider's bucket indexes [lo, hi] (inclusive) cover. */
export function rangeOfBuckets(h: Histogram, lo: number, hi: number): TimeRange {
  const a = Math.max(0, Math.min(lo, hi));
  const b = Math.min(h.counts.length - 1, Math.max(lo, hi));
  return { from: h.start + a * h.bucketMs, to: h.start + (b + 1) * h.bucketMs };
}

/** The bucket indexes [lo, hi] that cover a range, clamped to the histogram. */
export function bucketsOfRange(h: Histogram, range: TimeRange): [number, number] {
  const last = Math.max(0, h.counts.length - 1);
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  const lo = clamp(Math.floor((range.from - h.start) / h.bucketMs));
  const hi = clamp(Math.ceil((range.to - h.start) / h.bucketMs) - 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * Whether an edge's evidence span [firstAt, lastAt] overlaps the range. An edge without times is
 * always kept (hiding what cannot be placed in time would hide evidence).
 */
export function edgeInRange(edge: Pick<GraphEdge, "firstAt" | "lastAt">, range: TimeRange | null): boolean {
  if (range === null) return true;
  const first = toMs(edge.firstAt);
  const last = toMs(edge.lastAt) ?? first;
  if (first === null || last === null) return true;
  return first <= range.to && last >= range.from;
}

/** The edges of a list inside a range, as a set of their indexes. */
export function edgesInRange(edges: readonly GraphEdge[], range: TimeRange | null): Set<number> {
  const kept = new Set<number>();
  edges.forEach((e, i) => {
    if (edgeInRange(e, range)) kept.add(i);
  });
  return kept;
}

/** Bar heights 0..1 relative to the largest bucket. */
export function barHeights(h: Histogram): number[] {
  const max = Math.max(0, ...h.counts);
  return h.counts.map((c) => (max === 0 ? 0 : c / max));
}
