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
  const b =
    rand() < 0.8
      ? (Math.floor(rand() * (N / communities)) * communities + (a % communities)) % N
      : Math.floor(rand() * N);
  if (a === b || graph.hasEdge(String(a), String(b))) continue;
  graph.addEdge(String(a), String(b), {
    size: 0.5,
    color: "#9aa3b066",
    weight: 1,
    signal: null,
    signals: [],
    firstMs: null,
    lastMs: null,
    firstAt: null,
    lastAt: null,
  });
}
const built = performance.now();
const container = document.getElementById("graph") as HTMLElement;
const view = new GraphView(container, graph);
// sigma draws the first frame inside its constructor; the next animation frame shows it
const firstFrame = new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

function renderer(): string {
  const gl =
    document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
  if (!gl) return "no WebGL";
  const ext = gl.getExtension("WEBGL_debug_renderer_info");
  return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

/**
 * Pans the camera in a circle for `ms` with camera animations (sigma counts an animating camera as
 * moving, as it does a mouse drag) and returns the intervals between rendered frames.
 */
async function pan(ms: number, hideEdgesOnMove: boolean): Promise<FrameStats> {
  view.sigma.setSetting("hideEdgesOnMove", hideEdgesOnMove);
  const camera = view.sigma.getCamera();
  const intervals: number[] = [];
  let last = 0;
  const onRender = () => {
    const now = performance.now();
    if (last > 0) intervals.push(now - last);
    last = now;
  };
  view.sigma.on("afterRender", onRender);
  const end = performance.now() + ms;
  let angle = 0;
  while (performance.now() < end) {
    angle += Math.PI / 4;
    await camera.animate(
      { x: 0.5 + 0.15 * Math.cos(angle), y: 0.5 + 0.15 * Math.sin(angle), ratio: 0.8 },
      { duration: 400, easing: "linear" },
    );
  }
  view.sigma.off("afterRender", onRender);
  return frameStats(intervals);
}

/** Frame intervals while nothing moves (the browser's idle frame rate, for reference). */
function idle(ms: number): Promise<FrameStats> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    const end = performance.now() + ms;
    const tick = (now: number) => {
      if (last > 0) intervals.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(frameStats(intervals));
    };
    requestAnimationFrame(tick);
  });
}

const api = {
  nodes: graph.order,
  edges: graph.size,
  buildMs: Math.round(built - started),
  firstRenderMs: 0,
  renderer: renderer(),
  ready: firstFrame.then((t) => {
    api.firstRenderMs = Math.round(t - built);
    document.getElementById("status")!.textContent =
      `${graph.order} nodes, ${graph.size} edges · first frame ${api.firstRenderMs} ms · ${api.renderer}`;
    return true;
  }),
  pan,
  idle,
};
(window as unknown as { coordscopeBench: typeof api }).coordscopeBench = api;
