// Frame time of the graph view with 20,000 nodes and 100,000 edges in Debian's headless Chromium
// (software WebGL: SwiftShader), panning with camera animations as a drag would. Not a test: it
// prints figures for docs/ui.md.
//   cd frontend && npm run build && node e2e/bench.mjs [nodes] [edges]
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { launch } from "./browser.mjs";

const nodes = Number(process.argv[2] ?? 20_000);
const edges = Number(process.argv[3] ?? 100_000);
const root = resolve("target/classes/static");
if (!existsSync(join(root, "bench.html"))) {
  console.error("No built bench page: run `npm run build` in frontend/ first.");
  process.exit(1);
}
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" });
  createReadStream(path).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;

const width = 1280;
const height = 800;
const browser = await launch({ viewport: { width, height }, downloads: false });
try {
  const page = await browser.context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e}`));
  await page.goto(`http://127.0.0.1:${port}/bench.html?nodes=${nodes}&edges=${edges}`);
  await page.waitForFunction(() => window.coordscopeBench !== undefined, null, { timeout: 120_000 });
  console.error("bench: graph built, waiting for the first frame");
  await page.evaluate(() => window.coordscopeBench.ready);
  console.error("bench: first frame drawn, panning");

  const info = await page.evaluate(() => {
    const b = window.coordscopeBench;
    return { nodes: b.nodes, edges: b.edges, buildMs: b.buildMs, firstRenderMs: b.firstRenderMs, renderer: b.renderer };
  });
  await page.evaluate(() => window.coordscopeBench.pan(2000, true)); // warm-up
  const hidden = await page.evaluate(() => window.coordscopeBench.pan(10_000, true));
  const drawn = await page.evaluate(() => window.coordscopeBench.pan(10_000, false));
  const still = await page.evaluate(() => window.coordscopeBench.idle(2000));
  const row = (name, s) => `| ${name} | ${s.frames} | ${s.meanMs} | ${s.p95Ms} | ${s.maxMs} | ${s.fps} |`;
  console.log(
    `graph: ${info.nodes} nodes, ${info.edges} edges; built in ${info.buildMs} ms; first frame after ${info.firstRenderMs} ms`,
  );
  console.log(`renderer: ${info.renderer}`);
  console.log(
    `viewport: ${width}×${height}; chromium: ${browser.context.browser()?.version() ?? "(persistent context)"}`,
  );
  console.log("| while panning | frames | mean ms | p95 ms | max ms | fps |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("edges hidden while moving (the UI's setting)", hidden));
  console.log(row("edges drawn while moving", drawn));
  console.log(row("idle (no camera move)", still));
} finally {
  await browser.close();
  server.close();
}
