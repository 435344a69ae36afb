import Graph from "graphology";
import type { ClusterGraph, ClusterSummary, CoActor, GraphEdge, QueryGraph } from "../api/types";
import { clusterLabel } from "../clusters/ranking";
import { accountLabel, isolate } from "../text/bidi";
import { toMs } from "../timeline/histogram";

/** Colours that stay apart for the colour-blind (Okabe–Ito, then Tableau's) — a community or a signal each. */
export const PALETTE = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#56b4e9",
  "#8c564b",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#9467bd",
  "#f0e442",
];
export const OTHER = "#b0b6c0";

export type ColorBy = "community" | "signal";

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  score: number;
  clusterId: string | null;
  signal: string | null;
  inCluster: boolean;
  [key: string]: unknown;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  weight: number;
  signal: string | null;
  signals: string[];
  firstMs: number | null;
  lastMs: number | null;
  firstAt: string | null;
  lastAt: string | null;
  [key: string]: unknown;
}

/** A stable colour per key, in order of first appearance (the keys sorted, so a reload keeps colours). */
export function colourMap(keys: Iterable<string | null>): Map<string, string> {
  const distinct = [...new Set([...keys].filter((k): k is string => k !== null))].sort();
  return new Map(distinct.map((k, i) => [k, PALETTE[i % PALETTE.length] ?? OTHER]));
}

/** Node size from a score in [0, 1]: 4 to 16 px. */
export function nodeSize(score: number): number {
  const s = Number.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
  return 4 + 12 * s;
}

/** The main signal of each node: the signal with the most edge weight at it. */
export function mainSignals(edges: readonly GraphEdge[]): Map<string, string> {
  const totals = new Map<string, Map<string, number>>();
  const add = (node: string, signal: string, w: number) => {
    const m = totals.get(node) ?? new Map<string, number>();
    m.set(signal, (m.get(signal) ?? 0) + w);
    totals.set(node, m);
  };
  for (const e of edges) {
    const signal = e.signals[0];
    if (signal === undefined) continue;
    add(e.source, signal, e.weight);
    add(e.target, signal, e.weight);
  }
  const main = new Map<string, string>();
  for (const [node, m] of totals) {
    let best: string | null = null;
    let bestW = -Infinity;
    for (const [s, w] of [...m].sort(([a], [b]) => a.localeCompare(b))) {
      if (w > bestW) {
        best = s;
        bestW = w;
      }
    }
    if (best !== null) main.set(node, best);
  }
  return main;
}

/** Places nodes on a circle (a starting point for ForceAtlas2, which needs distinct positions). */
function circle(i: number, n: number): { x: number; y: number } {
  const a = (2 * Math.PI * i) / Math.max(1, n);
  const r = 10 * Math.sqrt(n + 1);
  return { x: r * Math.cos(a) + (i % 7) * 0.01, y: r * Math.sin(a) };
}

/** The graphology graph of a cluster's graph answer, coloured as asked. */
export function buildClusterGraph(data: ClusterGraph, colorBy: ColorBy): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "undirected", multi: false });
  const signals = mainSignals(data.edges);
  data.nodes.forEach((n, i) => {
    if (graph.hasNode(n.id)) return;
    graph.addNode(n.id, {
      ...circle(i, data.nodes.length),
      label: accountLabel(n.screenName, n.id),
      size: nodeSize(n.score),
      color: OTHER,
      score: n.score,
      clusterId: n.clusterId,
      signal: signals.get(n.id) ?? null,
      inCluster: n.inCluster,
    });
  });
  const maxWeight = Math.max(1e-9, ...data.edges.map((e) => e.weight));
  for (const e of data.edges) addEdge(graph, e, maxWeight);
  recolour(graph, colorBy);
  return graph;
}

function addEdge(graph: Graph<NodeAttrs, EdgeAttrs>, e: GraphEdge, maxWeight: number): void {
  if (
    !graph.hasNode(e.source) ||
    !graph.hasNode(e.target) ||
    e.source === e.target ||
    graph.hasEdge(e.source, e.target)
  )
    return;
  graph.addEdge(e.source, e.target, {
    size: 0.5 + 3 * Math.min(1, e.weight / maxWeight),
    color: OTHER,
    weight: e.weight,
    signal: e.signals[0] ?? null,
    signals: e.signals,
    firstMs: toMs(e.firstAt),
    lastMs: toMs(e.lastAt),
    firstAt: e.firstAt,
    lastAt: e.lastAt,
  });
}

/**
 * The signal an edge is coloured by: of the signals it carries, the one the fewest of the graph's links carry (the
 * most telling; ties to the first listed), so a cluster held together by four signals shows four colours even when
 * every link also shares, say, a hashtag.
 */
export function distinctiveSignals(graph: Graph<NodeAttrs, EdgeAttrs>): Map<string, string | null> {
  const carrying = new Map<string, number>();
  graph.forEachEdge((_, a) => (a.signals ?? []).forEach((s) => carrying.set(s, (carrying.get(s) ?? 0) + 1)));
  const pick = new Map<string, string | null>();
  graph.forEachEdge((edge, a) => {
    let best: string | null = a.signal;
    for (const s of a.signals ?? []) if (best === null || (carrying.get(s) ?? 0) < (carrying.get(best) ?? 0)) best = s;
    pick.set(edge, best);
  });
  return pick;
}

/**
 * Colours nodes by community or main signal and edges by signal; returns the legend. By signal, nodes and edges
 * share one colour per signal and the legend lists every signal the links carry, with how many carry it.
 */
export function recolour(graph: Graph<NodeAttrs, EdgeAttrs>, colorBy: ColorBy): Map<string, string> {
  const edgeSignal = distinctiveSignals(graph);
  if (colorBy === "signal") {
    const carrying = new Map<string, number>();
    graph.forEachEdge((_, a) => (a.signals ?? []).forEach((s) => carrying.set(s, (carrying.get(s) ?? 0) + 1)));
    const colours = colourMap([...carrying.keys()].sort((x, y) => (carrying.get(y) ?? 0) - (carrying.get(x) ?? 0)));
    graph.forEachNode((node, a) => graph.setNodeAttribute(node, "color", colours.get(a.signal ?? "") ?? OTHER));
    graph.forEachEdge((edge) =>
      graph.setEdgeAttribute(edge, "color", fade(colours.get(edgeSignal.get(edge) ?? "") ?? OTHER)),
    );
    return new Map([...colours].map(([signal, colour]) => [`${signal} (${carrying.get(signal) ?? 0} links)`, colour]));
  }
  const legend = colourMap(graph.mapNodes((_, a) => a.clusterId));
  const signalColours = colourMap([...new Set(edgeSignal.values())]);
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, "color", legend.get(a.clusterId ?? "") ?? OTHER));
  graph.forEachEdge((edge) =>
    graph.setEdgeAttribute(edge, "color", fade(signalColours.get(edgeSignal.get(edge) ?? "") ?? OTHER)),
  );
  return legend;
}

/** A colour at 45 % opacity, so dense edge bundles do not hide the nodes. */
function fade(hex: string): string {
  return hex.length === 7 ? `${hex}73` : hex;
}

/**
 * Adds an account's neighbours (an expansion): new nodes near the account, an edge to each.
 * Returns how many nodes were new.
 */
export function addNeighbours(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  centre: string,
  neighbours: readonly CoActor[],
): number {
  if (!graph.hasNode(centre)) return 0;
  const { x, y } = graph.getNodeAttributes(centre);
  const maxWeight = Math.max(1e-9, ...neighbours.map((n) => n.weight), ...graph.mapEdges((_, a) => a.weight));
  let added = 0;
  neighbours.forEach((n, i) => {
    if (!graph.hasNode(n.id)) {
      const a = (2 * Math.PI * i) / Math.max(1, neighbours.length);
      graph.addNode(n.id, {
        x: x + 5 * Math.cos(a),
        y: y + 5 * Math.sin(a),
        label: accountLabel(n.screenName, n.id),
        size: nodeSize(0),
        color: OTHER,
        score: 0,
        clusterId: n.clusterId,
        signal: n.signals[0] ?? null,
        inCluster: false,
      });
      added++;
    }
    addEdge(
      graph,
      { source: centre, target: n.id, weight: n.weight, signals: n.signals, firstAt: null, lastAt: null },
      maxWeight,
    );
  });
  return added;
}

/** The overview map: a node per cluster sized by members, edges where clusters share co-actors are not known here. */
export function buildOverviewGraph(clusters: readonly ClusterSummary[]): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "undirected" });
  const colours = colourMap(clusters.map((c) => c.signals[0] ?? null));
  const maxSize = Math.max(1, ...clusters.map((c) => c.size));
  // a sunflower (Vogel's spiral), largest cluster in the middle: dense and without overlaps
  [...clusters]
    .sort((a, b) => b.size - a.size)
    .forEach((c, i) => {
      const r = Math.sqrt(i + 0.5);
      const a = i * 2.399963;
      graph.addNode(c.id, {
        x: r * Math.cos(a),
        y: r * Math.sin(a),
        label: clusterLabel(c),
        size: 4 + 18 * Math.sqrt(c.size / maxSize),
        color: colours.get(c.signals[0] ?? "") ?? OTHER,
        score: c.score,
        clusterId: c.id,
        signal: c.signals[0] ?? null,
        inCluster: true,
      });
    });
  return graph;
}

/** A saved query's graph answer as a graphology graph, coloured by node label. */
export function buildQueryGraph(data: QueryGraph): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: true });
  const colours = colourMap(data.nodes.map((n) => n.labels[0] ?? null));
  data.nodes.forEach((n, i) => {
    if (graph.hasNode(n.id)) return;
    graph.addNode(n.id, {
      ...circle(i, data.nodes.length),
      label: isolate(n.label),
      size: 6,
      color: colours.get(n.labels[0] ?? "") ?? OTHER,
      score: 0,
      clusterId: null,
      signal: n.labels[0] ?? null,
      inCluster: false,
    });
  });
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      size: 1,
      color: "#9aa3b066",
      weight: 1,
      signal: e.type,
      signals: [e.type],
      firstMs: null,
      lastMs: null,
      firstAt: null,
      lastAt: null,
    });
  }
  return graph;
}
