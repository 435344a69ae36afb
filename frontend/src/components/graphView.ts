import type Graph from "graphology";
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { EdgeAttrs, NodeAttrs } from "../core/graph/build";

export interface GraphViewOptions {
  onNodeClick?: (node: string) => void;
  onStageClick?: () => void;
  /** Run ForceAtlas2 in a web worker for this long (ms); 0 keeps the given positions. */
  layoutMs?: number;
  onLayoutDone?: () => void;
}

const DIM_NODE = "#e4e7ec";

/** A colour key: a swatch and a name per colour (the first 12). */
export function legend(colours: Map<string, string>): HTMLElement {
  const ul = document.createElement("ul");
  ul.className = "legend";
  for (const [key, colour] of [...colours].slice(0, 12)) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    // a community's or a signal's name, isolated: an id such as "20261204-185726-cd71/3" reads backwards otherwise
    const name = document.createElement("bdi");
    name.textContent = key;
    li.append(swatch, name);
    ul.append(li);
  }
  return ul;
}

/**
 * A sigma.js WebGL view of a graphology graph, made for large graphs: ForceAtlas2 runs in a web worker,
 * edges are hidden while the camera moves, labels appear by zoom level (only nodes drawn larger than
 * the threshold get one). Hovering or selecting a node highlights it and its neighbours; an edge filter
 * (the time slider) hides edges without rebuilding the graph.
 */
export class GraphView {
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private layout: FA2Layout<NodeAttrs, EdgeAttrs> | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private hovered: string | null = null;
  private selected: string | null = null;
  private focus: Set<string> | null = null;
  private edgeFilter: ((attrs: EdgeAttrs) => boolean) | null = null;

  constructor(
    container: HTMLElement,
    readonly graph: Graph<NodeAttrs, EdgeAttrs>,
    private readonly options: GraphViewOptions = {},
  ) {
    this.sigma = new Sigma(graph, container, {
      settings: {
        hideEdgesOnMove: true,
        // node sizes are pixels on screen, whatever the layout's coordinate scale
        itemSizesReference: "screen",
        stagePadding: 30,
        hideLabelsOnMove: graph.order > 5000,
        labelRenderedSizeThreshold: graph.order > 2000 ? 12 : 7,
        labelDensity: 0.5,
        minCameraRatio: 0.02,
        maxCameraRatio: 5,
        allowInvalidContainer: true,
      },
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data, attrs) => this.reduceEdge(edge, data, attrs),
    });
    this.sigma.on("enterNode", ({ node }) => this.setHovered(node));
    this.sigma.on("leaveNode", () => this.setHovered(null));
    this.sigma.on("clickNode", ({ node }) => options.onNodeClick?.(node));
    this.sigma.on("clickStage", () => options.onStageClick?.());
    if ((options.layoutMs ?? 0) > 0 && graph.order > 1) this.runLayout(options.layoutMs ?? 0);
    else options.onLayoutDone?.();
  }

  private reduceNode(
    node: string,
    data: Parameters<NonNullable<ConstructorParameters<typeof Sigma>[2]>["nodeReducer"] & {}>[1],
  ) {
    if (this.focus && !this.focus.has(node)) return { ...data, color: DIM_NODE, label: null, zIndex: 0 };
    if (node === this.selected)
      return { ...data, zIndex: 2, labelVisibility: "visible" as const, size: data.size * 1.3 };
    if (this.focus) return { ...data, zIndex: 1, labelVisibility: "visible" as const };
    return data;
  }

  private reduceEdge(
    edge: string,
    data: Parameters<NonNullable<ConstructorParameters<typeof Sigma>[2]>["edgeReducer"] & {}>[1],
    attrs: EdgeAttrs,
  ) {
    if (this.edgeFilter && !this.edgeFilter(attrs)) return { ...data, visibility: "hidden" as const };
    const centre = this.hovered ?? this.selected;
    if (centre && !this.graph.hasExtremity(edge, centre)) return { ...data, visibility: "hidden" as const };
    return data;
  }

  private updateFocus(): void {
    const centre = this.hovered ?? this.selected;
    this.focus = centre && this.graph.hasNode(centre) ? new Set([centre, ...this.graph.neighbors(centre)]) : null;
    this.sigma.refresh({ skipIndexation: true });
  }

  private setHovered(node: string | null): void {
    this.hovered = node;
    this.updateFocus();
  }

  /** Highlights a node and its neighbours (null: none). */
  select(node: string | null): void {
    this.selected = node && this.graph.hasNode(node) ? node : null;
    this.updateFocus();
  }

  /** Shows only the edges for which `filter` holds (null: all). */
  setEdgeFilter(filter: ((attrs: EdgeAttrs) => boolean) | null): void {
    this.edgeFilter = filter;
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Runs ForceAtlas2 in a web worker for `ms`, then stops it. */
  runLayout(ms: number): void {
    this.stopLayout();
    const settings = {
      ...inferSettings(this.graph),
      barnesHutOptimize: this.graph.order > 500,
      adjustSizes: false,
      edgeWeightInfluence: 0.5,
    };
    this.layout = new FA2Layout(this.graph, { settings, getEdgeWeight: "weight" });
    this.layout.start();
    this.sigma.getContainer().dataset["layout"] = "running";
    this.layoutTimer = setTimeout(() => this.stopLayout(), ms);
  }

  stopLayout(): void {
    clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
      this.sigma.getContainer().dataset["layout"] = "done";
      this.options.onLayoutDone?.();
    }
  }

  isLayoutRunning(): boolean {
    return this.layout !== null;
  }

  /** Re-reads the graph after nodes were added (an expansion). */
  refresh(): void {
    this.sigma.refresh();
  }

  /**
   * The current view as a PNG: every canvas of the view drawn over white, read right after sigma
   * renders (a WebGL canvas keeps its pixels only until the frame is handed over).
   */
  snapshot(caption: { title: string; legend: Map<string, string> } | null = null): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.sigma.once("afterRender", () => {
        const { width, height } = this.sigma.getDimensions();
        const ratio = window.devicePixelRatio || 1;
        // a band above the graph for the title, one below for the legend (a line per four entries)
        const entries = caption ? [...caption.legend].slice(0, 24) : [];
        const top = caption ? 34 : 0;
        const bottom = caption ? 10 + Math.ceil(entries.length / 4) * 20 : 0;
        const out = document.createElement("canvas");
        out.width = Math.round(width * ratio);
        out.height = Math.round((height + top + bottom) * ratio);
        const ctx = out.getContext("2d");
        if (!ctx) return reject(new Error("no 2D canvas to draw the picture on"));
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, out.width, out.height);
        for (const canvas of this.sigma.getContainer().querySelectorAll("canvas")) {
          ctx.drawImage(canvas, 0, top * ratio, width * ratio, height * ratio);
        }
        if (caption) {
          ctx.scale(ratio, ratio);
          ctx.fillStyle = "#1d2433";
          ctx.font = "bold 16px system-ui, sans-serif";
          ctx.textBaseline = "middle";
          ctx.fillText(caption.title, 10, top / 2, width - 20);
          ctx.font = "12px system-ui, sans-serif";
          entries.forEach(([label, colour], i) => {
            const x = 10 + (i % 4) * (width / 4);
            const y = top + height + 14 + Math.floor(i / 4) * 20;
            ctx.fillStyle = colour;
            ctx.fillRect(x, y - 5, 10, 10);
            ctx.fillStyle = "#1d2433";
            ctx.fillText(label, x + 16, y, width / 4 - 26);
          });
        }
        out.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))),
          "image/png",
        );
      });
      this.sigma.refresh();
    });
  }

  kill(): void {
    this.stopLayout();
    this.sigma.kill();
  }
}
