import Graph from "graphology";
import { GraphView } from "../components/graphView";
import type { EdgeAttrs, NodeAttrs } from "../core/graph/build";
import { PALETTE } from "../core/graph/build";
import { frameStats, random, type FrameStats } from "./frames";

/**
 * Rendering benchmark: a seeded graph of `nodes` accounts in communities and `edges` links (default
 * 20,000 and 100,000), drawn by the same GraphView as the cluster page (edges hidden while panning,
 * labels by zoom). e2e/bench.mjs drags the view with the mouse and reads the frame intervals recorded
 * here; open /bench.html in a browser to try your own GPU.
 */
const params = new URLSearchParams(location.search);
const N = Number(params.get("nodes") ?? 20_000);
const M = Number(params.get("edges") ?? 100_000);
const rand = random(42);

const started = performance.now();
const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "undirected" });
const communities = Math.max(1, Math.round(N / 200));
const centres = Array.from({ length: communities }, () => ({ x: rand() * 1000, y: rand() * 1000 }));
for (let i = 0; i < N; i++) {
  const c = i % communities;
  const centre = centres[c] ?? { x: 0, y: 0 };
  graph.addNode(String(i), {
    x: centre.x + (rand() - 0.5) * 60,
    y: centre.y + (rand() - 0.5) * 60,
    size: 2 + rand() * 6,
    label: `@account${i}`,
    color: PALETTE[c % PALETTE.length] ?? "#888",
    score: rand(),
    clusterId: String(c),
    signal: null,
    inCluster: true,
  });
}
while (graph.size < M) {
  const a = Math.floor(rand() * N);
  // 80 % of links inside a community, as in a coordination graph
  const b = rand() < 0.8 ? ((Math.floor(rand() * (N / communities)) * communities + (a % communities)) % N) : Math.floor(rand() * N);
  if (a === b || graph.hasEdge(String(a), String(b))) continue;
  graph.addEdge(String(a), String(b), { size: 0.5, color: "#9aa3b066", weight: 1, signal: null, signals: [], firstMs: null, lastMs: null, firstAt: null, lastAt: null });
}
const built = performance.now();
const container = document.getElementById("graph") as HTMLElement;
const view = new GraphView(container, graph);
// sigma draws the first frame inside its constructor; the next animation frame shows it
const firstFrame = new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

function renderer(): string {
  const gl = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
  if (!gl) return "no WebGL";
  const ext = gl.getExtension("WEBGL_debug_renderer_info");
  return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

let recording: number[] | null = null;
let last = 0;
function tick(now: number) {
  if (recording && last > 0) recording.push(now - last);
  last = now;
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);

const api = {
  nodes: graph.order,
  edges: graph.size,
  buildMs: Math.round(built - started),
  firstRenderMs: 0,
  renderer: renderer(),
  ready: firstFrame.then((t) => {
    api.firstRenderMs = Math.round(t - built);
    document.getElementById("status")!.textContent = `${graph.order} nodes, ${graph.size} edges · first frame ${api.firstRenderMs} ms · ${api.renderer}`;
    return true;
  }),
  start(): void {
    recording = [];
    last = 0;
  },
  stop(): FrameStats {
    const stats = frameStats(recording ?? []);
    recording = null;
    return stats;
  },
  setHideEdgesOnMove(on: boolean): void {
    view.sigma.setSetting("hideEdgesOnMove", on);
  },
};
(window as unknown as { coordscopeBench: typeof api }).coordscopeBench = api;
