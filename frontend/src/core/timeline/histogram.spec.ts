import { describe, expect, it } from "vitest";
import {
  barHeights,
  binTimes,
  bucketsOfRange,
  edgeInRange,
  edgesInRange,
  fromActivity,
  rangeOfBuckets,
} from "./histogram";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe("binTimes", () => {
  it("spreads times over equal buckets, the latest in the last", () => {
    const h = binTimes([T0, T0 + H, T0 + 2 * H, T0 + 4 * H], 4);
    expect(h).toEqual({ start: T0, bucketMs: H, counts: [1, 1, 1, 1] });
  });

  it("puts equal times in one bucket and skips missing ones", () => {
    expect(binTimes([T0, null, T0], 10)).toEqual({ start: T0, bucketMs: 1, counts: [2] });
  });

  it("is empty without times", () => {
    expect(binTimes([], 5).counts).toEqual([]);
  });
});

describe("fromActivity", () => {
  it("reads the server's buckets", () => {
    expect(fromActivity({ from: iso(T0), to: iso(T0 + 2 * H), bucketSeconds: 3600, counts: [3, 4] })).toEqual({
      start: T0,
      bucketMs: H,
      counts: [3, 4],
    });
  });

  it("refuses an activity without buckets", () => {
    expect(fromActivity({ from: iso(T0), to: iso(T0), bucketSeconds: 0, counts: [1] })).toBeNull();
    expect(fromActivity(null)).toBeNull();
  });
});

describe("slider ranges", () => {
  const h = { start: T0, bucketMs: H, counts: [1, 2, 3, 4] };

  it("turns bucket indexes into a time range, in either order", () => {
    expect(rangeOfBuckets(h, 1, 2)).toEqual({ from: T0 + H, to: T0 + 3 * H });
    expect(rangeOfBuckets(h, 2, 1)).toEqual({ from: T0 + H, to: T0 + 3 * H });
  });

  it("finds the buckets of a range, clamped", () => {
    expect(bucketsOfRange(h, { from: T0 + H, to: T0 + 3 * H })).toEqual([1, 2]);
    expect(bucketsOfRange(h, { from: T0 - 9 * H, to: T0 + 99 * H })).toEqual([0, 3]);
  });

  it("scales bars to the largest bucket", () => {
    expect(barHeights(h)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(barHeights({ start: 0, bucketMs: 1, counts: [0, 0] })).toEqual([0, 0]);
  });
});

describe("edgeInRange", () => {
  const range = { from: T0 + H, to: T0 + 2 * H };

  it("keeps edges whose evidence span overlaps the range", () => {
    expect(edgeInRange({ firstAt: iso(T0), lastAt: iso(T0 + H) }, range)).toBe(true);
    expect(edgeInRange({ firstAt: iso(T0 + 90 * 60_000), lastAt: null }, range)).toBe(true);
  });

  it("drops edges entirely before or after", () => {
    expect(edgeInRange({ firstAt: iso(T0), lastAt: iso(T0 + 30 * 60_000) }, range)).toBe(false);
    expect(edgeInRange({ firstAt: iso(T0 + 3 * H), lastAt: iso(T0 + 4 * H) }, range)).toBe(false);
  });

  it("keeps edges without times and everything without a range", () => {
    expect(edgeInRange({ firstAt: null, lastAt: null }, range)).toBe(true);
    expect(edgeInRange({ firstAt: iso(T0), lastAt: iso(T0) }, null)).toBe(true);
  });

  it("lists kept edges by index", () => {
    const edges = [
      { source: "a", target: "b", weight: 1, signals: [], firstAt: iso(T0), lastAt: iso(T0) },
      { source: "a", target: "c", weight: 1, signals: [], firstAt: iso(T0 + H), lastAt: iso(T0 + H) },
    ];
    expect([...edgesInRange(edges, range)]).toEqual([1]);
  });
});
