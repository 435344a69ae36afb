import { t } from "../core/i18n/i18n";
import { barHeights, rangeOfBuckets, type Histogram, type TimeRange } from "../core/timeline/histogram";
import { h } from "./dom";

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/** Bars of a histogram on a canvas; buckets inside [lo, hi] drawn strong, the rest faint. */
function drawBars(canvas: HTMLCanvasElement, hist: Histogram, lo: number, hi: number): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const w = canvas.width;
  const ht = canvas.height;
  ctx.clearRect(0, 0, w, ht);
  const heights = barHeights(hist);
  const bw = w / Math.max(1, heights.length);
  heights.forEach((v, i) => {
    ctx.fillStyle = i >= lo && i <= hi ? "#2f5bd3" : "#c9d2e6";
    const bh = Math.max(v > 0 ? 1 : 0, v * (ht - 2));
    ctx.fillRect(i * bw + 0.5, ht - bh, Math.max(1, bw - 1), bh);
  });
}

/** A static activity timeline (an account's posts over time). */
export function timeline(hist: Histogram, label: string): HTMLElement {
  const canvas = h("canvas", { width: 320, height: 60, class: "histogram", "aria-label": label });
  drawBars(canvas, hist, 0, hist.counts.length - 1);
  const end = hist.start + hist.counts.length * hist.bucketMs;
  return h(
    "figure",
    { class: "timeline" },
    canvas,
    h(
      "figcaption",
      { class: "muted" },
      `${stamp(hist.start)} – ${stamp(end)} UTC · ${hist.counts.reduce((a, b) => a + b, 0)} posts`,
    ),
  );
}

/**
 * A histogram with a two-handle range slider (two range inputs over the bucket indexes). Moving a
 * handle calls `onChange` with the time range the chosen buckets cover.
 */
export function rangeHistogram(
  hist: Histogram,
  initial: [number, number],
  label: string,
  onChange: (range: TimeRange, lo: number, hi: number) => void,
): HTMLElement {
  const last = Math.max(0, hist.counts.length - 1);
  const canvas = h("canvas", { width: 640, height: 70, class: "histogram", "aria-hidden": "true" });
  const lo = h("input", {
    type: "range",
    min: 0,
    max: last,
    step: 1,
    value: initial[0],
    "aria-label": t("time.start"),
    "data-testid": "range-lo",
  });
  const hi = h("input", {
    type: "range",
    min: 0,
    max: last,
    step: 1,
    value: initial[1],
    "aria-label": t("time.end"),
    "data-testid": "range-hi",
  });
  const text = h("span", { class: "muted", "data-testid": "range-text" });
  const reset = h("button", { type: "button" }, t("time.allTime"));
  const update = (notify: boolean) => {
    let a = Number(lo.value);
    let b = Number(hi.value);
    if (a > b) [a, b] = [b, a];
    drawBars(canvas, hist, a, b);
    const range = rangeOfBuckets(hist, a, b);
    text.textContent = `${stamp(range.from)} – ${stamp(range.to)} UTC`;
    if (notify) onChange(range, a, b);
  };
  lo.addEventListener("input", () => update(true));
  hi.addEventListener("input", () => update(true));
  reset.addEventListener("click", () => {
    lo.value = "0";
    hi.value = String(last);
    update(true);
  });
  update(false);
  return h(
    "figure",
    { class: "range-histogram" },
    h("figcaption", {}, label),
    canvas,
    h("div", { class: "sliders" }, lo, hi),
    h("div", { class: "range-row" }, text, reset),
  );
}
