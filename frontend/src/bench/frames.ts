/** Summary of frame intervals in ms. */
export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

/** Mean, 95th percentile (nearest rank) and max of frame intervals. */
export function frameStats(intervals: readonly number[]): FrameStats {
  if (intervals.length === 0) return { frames: 0, meanMs: 0, p95Ms: 0, maxMs: 0, fps: 0 };
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    frames: sorted.length,
    meanMs: round(mean),
    p95Ms: round(p95),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    fps: round(1000 / mean),
  };
}

/** A seeded generator (mulberry32), so every run draws the same graph. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
