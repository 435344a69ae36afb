import { t } from "../core/i18n/i18n";
import type { MessageKey } from "../core/i18n/messages";
import { errorMessage } from "../core/api/errors";
import { formatCount, formatInstant } from "../core/datasets/format";
import { richText } from "./bidiText";
import { appendMessage } from "./inline";

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: attributes (an `on…` function becomes a listener; `class`, `text` and boolean
 * attributes as expected) and children (strings become text nodes, never HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "text") el.textContent = String(value);
    else if (key === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else if (key === "checked" && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** A paragraph with a message whose `code` runs become <code>. */
export function note(message: string, className = "muted"): HTMLParagraphElement {
  const p = h("p", { class: className });
  appendMessage(p, message);
  return p;
}

/** An error box saying what went wrong and what to do next. */
export function errorBox(error: unknown): HTMLParagraphElement {
  const p = note(typeof error === "string" ? error : errorMessage(error), "error");
  p.setAttribute("role", "alert");
  return p;
}

/** A column of a table: its header, how to render a row's cell, and (optionally) that it is numeric or sortable. */
export interface Column<T> {
  label: string;
  cell: (row: T) => Child;
  numeric?: boolean;
  sortKey?: string;
}

/** A table; clicking a sortable header calls `onSort(key)`; `sort` marks the current order. */
export function table<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
  opts: {
    sort?: { key: string; dir: string };
    onSort?: (key: string) => void;
    onRow?: (row: T) => void;
    rowClass?: (row: T) => string | undefined;
    caption?: string;
  } = {},
): HTMLTableElement {
  const t = h("table");
  if (opts.caption) t.createCaption().textContent = opts.caption;
  const head = t.createTHead().insertRow();
  for (const col of columns) {
    const th = h("th", { scope: "col", class: col.numeric ? "num" : undefined });
    if (col.sortKey && opts.onSort) {
      const key = col.sortKey;
      const active = opts.sort?.key === key;
      th.setAttribute("aria-sort", active ? (opts.sort?.dir === "asc" ? "ascending" : "descending") : "none");
      th.append(
        h(
          "button",
          { type: "button", class: "sort", onclick: () => opts.onSort?.(key) },
          col.label + (active ? (opts.sort?.dir === "asc" ? " ▲" : " ▼") : ""),
        ),
      );
    } else {
      th.textContent = col.label;
    }
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const cls = opts.rowClass?.(row);
    if (cls) tr.className = cls;
    if (opts.onRow) {
      tr.classList.add("clickable");
      tr.addEventListener("click", (e) => {
        if (!(e.target instanceof HTMLElement && e.target.closest("a,button,input"))) opts.onRow?.(row);
      });
    }
    for (const col of columns) {
      const td = tr.insertCell();
      if (col.numeric) td.className = "num";
      append(td, col.cell(row));
    }
  }
  return t;
}

export const count = (n: number | null | undefined) => formatCount(n ?? null);
/** In a right-to-left page a date and time is isolated left to right, or "2026-12-03 14:47 UTC" reads backwards. */
export const ltr = (text: string) => (document.documentElement.dir === "rtl" ? `\u2066${text}\u2069` : text);
export const when = (iso: string | null | undefined) => ltr(formatInstant(iso ?? null));
export const score = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : n.toFixed(2);
export const day = (iso: string | null | undefined) => (iso ? ltr(iso.slice(0, 10)) : "—");

/** A link to a hash route. */
export function a(href: string, text: string, attrs: Attrs = {}): HTMLAnchorElement {
  return h("a", { href, ...attrs }, text);
}

/** A panel with a title and content. */
export function panel(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "panel" }, h("div", { class: "panel-head" }, h("h2", { text: title })), ...children);
}

/** Saves a blob as a download with a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, style: "display:none" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A `<select>` of options [value, label]; `value` preselected. */
export function select(
  name: string,
  options: readonly [string, string][],
  value: string | undefined,
  attrs: Attrs = {},
): HTMLSelectElement {
  const s = h("select", { name, ...attrs });
  for (const [v, label] of options) s.append(h("option", { value: v, selected: v === (value ?? "") }, label));
  return s;
}

/** A progress bar with a text beside it. */
export function progress(fraction: number, text: string): HTMLElement {
  const pct = Math.max(0, Math.min(1, fraction)) * 100;
  return h(
    "div",
    { class: "progress" },
    h(
      "div",
      { class: "bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": Math.round(pct) },
      h("span", { style: `width:${pct.toFixed(1)}%` }),
    ),
    h("span", { class: "muted" }, text),
  );
}

/** A list of messages (reasons) as <ul>, each quoted snippet and right-to-left word isolated; a muted dash for none. */
export function list(items: readonly string[]): HTMLElement {
  return items.length === 0
    ? h("span", { class: "muted" }, "—")
    : h("ul", { class: "plain" }, ...items.map((i) => h("li", {}, richText(i))));
}

/** The first message, the others folded under "N more" (member tables: one line per member until opened). */
export function foldedList(items: readonly string[]): HTMLElement {
  if (items.length <= 1) return list(items);
  return h(
    "div",
    {},
    richText(items[0] ?? ""),
    h(
      "details",
      { class: "more" },
      h("summary", {}, t("common.more", { count: items.length - 1 })),
      list(items.slice(1)),
    ),
  );
}

/** The statuses a mark can have, in the order the triage buttons show them. */
export const MARK_STATUSES = ["confirmed", "false_positive", "needs_review"] as const;

/** A mark's status for people, in the UI's language (an unknown one as given). */
export function markLabel(status: string): string {
  return (MARK_STATUSES as readonly string[]).includes(status) ? t(`mark.${status}` as MessageKey) : status;
}

/** A mark's status as a badge: its note as the title, "(carried over)" when it comes from an earlier run's cluster. */
export function markBadge(
  mark:
    { status: string; note: string | null; carriedFrom?: string | null; assignee?: string | null } | null | undefined,
): HTMLElement | null {
  if (!mark) return null;
  const title = [
    mark.note ?? "",
    mark.assignee ? t("mark.assignedTo", { assignee: mark.assignee }) : "",
    mark.carriedFrom ? t("triage.carriedFrom", { cluster: mark.carriedFrom }) : "",
  ]
    .filter((s) => s !== "")
    .join(" · ");
  return h(
    "span",
    { class: `badge mark-${mark.status}`, title, "data-carried": mark.carriedFrom ? "true" : undefined },
    markLabel(mark.status) + (mark.carriedFrom ? t("mark.carried") : ""),
  );
}
