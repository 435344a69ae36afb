import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "../api/types";
import { FSI, PDI } from "../text/bidi";
import { clusterLabel, isSuspect, thresholdIndex } from "./ranking";

const cluster = (id: string, score: number, extra: Partial<ClusterSummary> = {}): ClusterSummary => ({
  id,
  run: "r",
  dataset: "d",
  size: 5,
  score,
  signals: [],
  reasons: [],
  createdFrom: null,
  createdTo: null,
  mark: null,
  suspectThreshold: 0.5,
  ...extra,
});

describe("thresholdIndex", () => {
  it("finds the first cluster under the threshold in a list by score", () => {
    expect(thresholdIndex([cluster("a", 0.9), cluster("b", 0.5), cluster("c", 0.49)], true)).toBe(2);
    expect(thresholdIndex([cluster("a", 0.2)], true)).toBe(0);
  });

  it("is -1 when all reach it, the order is another, or the threshold is unknown", () => {
    expect(thresholdIndex([cluster("a", 0.9), cluster("b", 0.6)], true)).toBe(-1);
    expect(thresholdIndex([cluster("a", 0.9), cluster("b", 0.1)], false)).toBe(-1);
    const { suspectThreshold: _, ...unknown } = cluster("a", 0.9);
    expect(thresholdIndex([unknown, cluster("b", 0.1)], true)).toBe(-1);
    expect(thresholdIndex([], true)).toBe(-1);
  });
});

describe("isSuspect and clusterLabel", () => {
  it("counts a score at the threshold as suspect", () => {
    expect(isSuspect(cluster("a", 0.5))).toBe(true);
    expect(isSuspect(cluster("a", 0.4))).toBe(false);
  });

  it("labels a named cluster by its isolated name, else by id", () => {
    expect(clusterLabel(cluster("r/1", 0.9, { name: "#ایران_قوی" }))).toBe(`${FSI}#ایران_قوی${PDI} · 5`);
    expect(clusterLabel(cluster("r/1", 0.9))).toBe("r/1 · 5");
  });
});
