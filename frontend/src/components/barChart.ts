const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A bar of stacked parts, drawn bottom up; a part's `title` shows on hover. */
export interface StackedBar {
  parts: { value: number; colour: string; title: string }[];
  title: string;
}

/**
 * A bar chart as SVG (scales with its box, prints and exports as drawn): one column per bar, parts stacked, the
 * tallest bar filling the height; `labels` under the first, middle and last bar.
 */
export function stackedBarChart(
  bars: readonly StackedBar[],
  opts: { label: string; height?: number; labels?: [string, string, string] },
): SVGSVGElement {
  const width = Math.max(1, bars.length) * 10;
  const height = opts.height ?? 160;
  const axis = opts.labels ? 14 : 0;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + axis}`,
    class: "bar-chart",
    role: "img",
    "aria-label": opts.label,
  });
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  bars.forEach((bar, i) => {
    const group = svg("g", {});
    const title = svg("title", {});
    title.textContent = bar.title;
    group.append(title);
    let y = height;
    for (const part of bar.parts) {
      if (part.value <= 0) continue;
      const h = (part.value / max) * (height - 2);
      y -= h;
      const rect = svg("rect", { x: i * 10 + 1, y, width: 8, height: Math.max(0.5, h), fill: part.colour });
      const t = svg("title", {});
      t.textContent = part.title;
      rect.append(t);
      group.append(rect);
    }
    chart.append(group);
  });
  if (opts.labels) {
    const [first, middle, last] = opts.labels;
    const at = (x: number, anchor: string, text: string) => {
      const el = svg("text", { x, y: height + axis - 2, "text-anchor": anchor, "font-size": 10, fill: "#5b6474" });
      el.textContent = text;
      chart.append(el);
    };
    at(0, "start", first);
    at(width / 2, "middle", middle);
    at(width, "end", last);
  }
  return chart;
}
