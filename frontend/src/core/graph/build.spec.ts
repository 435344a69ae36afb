import { describe, expect, it } from "vitest";
import type { ClusterGraph } from "../api/types";
import {
  addNeighbours,
  buildClusterGraph,
  buildOverviewGraph,
  buildQueryGraph,
  colourMap,
  mainSignals,
  nodeSize,
  OTHER,
  recolour,
} from "./build";

const data: ClusterGraph = {
  nodes: [
    { id: "a/1", screenName: "alpha", clusterId: "c1", score: 1, strength: 1, inCluster: true },
    { id: "b", screenName: null, clusterId: "c1", score: 0.5, strength: 1, inCluster: true },
    { id: "c", screenName: "gamma", clusterId: "c2", score: 0, strength: 1, inCluster: false },
  ],
  edges: [
    {
      source: "a/1",
      target: "b",
      weight: 4,
      signals: ["co-retweet"],
      firstAt: "2026-01-01T00:00:00Z",
      lastAt: "2026-01-02T00:00:00Z",
    },
    { source: "b", target: "c", weight: 1, signals: ["co-link", "co-retweet"], firstAt: null, lastAt: null },
    { source: "b", target: "c", weight: 1, signals: ["co-link"], firstAt: null, lastAt: null },
    { source: "c", target: "zz", weight: 1, signals: ["co-link"], firstAt: null, lastAt: null },
  ],
  truncated: false,
  totalNodes: 3,
  totalEdges: 3,
};

describe("buildClusterGraph", () => {
  it("adds nodes with labels and sizes by score, skipping duplicate and dangling edges", () => {
    const g = buildClusterGraph(data, "community");
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    // isolated for the canvas, so a right-to-left screen name keeps its '@' (core/text/bidi.ts)
    expect(g.getNodeAttribute("a/1", "label")).toBe("\u2066@\u2068alpha\u2069\u2069");
    expect(g.getNodeAttribute("b", "label")).toBe("\u2068b\u2069");
    expect(g.getNodeAttribute("a/1", "size")).toBe(nodeSize(1));
    expect(g.getEdgeAttribute("a/1", "b", "firstMs")).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("colours by community, then by main signal", () => {
    const g = buildClusterGraph(data, "community");
    expect(g.getNodeAttribute("a/1", "color")).toBe(g.getNodeAttribute("b", "color"));
    expect(g.getNodeAttribute("c", "color")).not.toBe(g.getNodeAttribute("b", "color"));
    const legend = recolour(g, "signal");
    // every signal the links carry, with how many carry it
    expect([...legend.keys()]).toEqual(["co-link (1 links)", "co-retweet (2 links)"]);
    expect(g.getNodeAttribute("a/1", "color")).toBe(legend.get("co-retweet (2 links)"));
    expect(g.getNodeAttribute("c", "color")).toBe(legend.get("co-link (1 links)"));
    // the b–c link carries both: coloured by the rarer, co-link
    expect(g.getEdgeAttribute("b", "c", "color")).toBe(`${legend.get("co-link (1 links)")}73`);
    expect(g.getEdgeAttribute("a/1", "b", "color")).toBe(`${legend.get("co-retweet (2 links)")}73`);
  });

  it("shows each of four signals when every link also shares a hashtag", () => {
    const four: ClusterGraph = {
      ...data,
      nodes: [...data.nodes, { id: "d", screenName: null, clusterId: "c1", score: 0, strength: 1, inCluster: true }],
      edges: ["co-retweet", "co-link", "near-text", "co-domain"].map((s, i) => ({
        source: ["a/1", "b", "a/1", "d"][i] ?? "",
        target: ["c", "c", "b", "a/1"][i] ?? "",
        weight: 1,
        signals: ["co-hashtag", s],
        firstAt: null,
        lastAt: null,
      })),
    };
    const g = buildClusterGraph(four, "signal");
    const legend = recolour(g, "signal");
    expect(legend.size).toBe(5);
    expect(new Set(g.mapEdges((_, a) => a.color)).size).toBe(g.size);
  });
});

describe("mainSignals", () => {
  it("picks the signal with the most weight at a node", () => {
    expect(Object.fromEntries(mainSignals(data.edges))).toEqual({
      "a/1": "co-retweet",
      b: "co-retweet",
      c: "co-link",
      zz: "co-link",
    });
  });
});

describe("colourMap and nodeSize", () => {
  it("gives sorted keys stable colours and ignores nulls", () => {
    const m = colourMap(["b", null, "a", "b"]);
    expect([...m.keys()]).toEqual(["a", "b"]);
    expect(m.get("a")).not.toBe(OTHER);
  });

  it("clamps scores", () => {
    expect(nodeSize(-1)).toBe(4);
    expect(nodeSize(5)).toBe(16);
    expect(nodeSize(Number.NaN)).toBe(4);
  });
});

describe("addNeighbours", () => {
  it("adds new neighbours once, with an edge to the centre", () => {
    const g = buildClusterGraph(data, "community");
    const n = [
      { id: "b", screenName: null, weight: 2, signals: ["co-link"], clusterId: "c1" },
      { id: "new", screenName: "nu", weight: 1, signals: ["co-hashtag"], clusterId: null },
    ];
    expect(addNeighbours(g, "a/1", n)).toBe(1);
    expect(addNeighbours(g, "a/1", n)).toBe(0);
    expect(g.hasEdge("a/1", "new")).toBe(true);
    expect(addNeighbours(g, "missing", n)).toBe(0);
  });
});

describe("other graphs", () => {
  it("sizes the overview by members", () => {
    const g = buildOverviewGraph([
      {
        id: "c1",
        run: "r",
        dataset: "d",
        size: 100,
        score: 1,
        signals: ["co-retweet"],
        reasons: [],
        createdFrom: null,
        createdTo: null,
        mark: null,
      },
      {
        id: "c2",
        run: "r",
        dataset: "d",
        size: 4,
        score: 0.2,
        signals: [],
        reasons: [],
        createdFrom: null,
        createdTo: null,
        mark: null,
      },
    ]);
    expect(g.getNodeAttribute("c1", "size")).toBeGreaterThan(g.getNodeAttribute("c2", "size"));
  });

  it("builds a query graph, skipping edges to unknown nodes", () => {
    const g = buildQueryGraph({
      nodes: [
        { id: "1", label: "x", labels: ["Account"], properties: {} },
        { id: "2", label: "t", labels: ["Tweet"], properties: {} },
      ],
      edges: [
        { id: "e1", source: "1", target: "2", type: "POSTED", properties: {} },
        { id: "e2", source: "1", target: "9", type: "POSTED", properties: {} },
      ],
    });
    expect([g.order, g.size]).toEqual([2, 1]);
  });
});
