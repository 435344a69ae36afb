import { describe, expect, it } from "vitest";
import { frameStats, random } from "./frames";

describe("frameStats", () => {
  it("gives mean, nearest-rank p95 and max", () => {
    const intervals = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(frameStats(intervals)).toEqual({ frames: 20, meanMs: 10.5, p95Ms: 19, maxMs: 20, fps: 95.2 });
  });

  it("is zero without frames", () => {
    expect(frameStats([]).frames).toBe(0);
  });
});

describe("random", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = random(7);
    const b = random(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
