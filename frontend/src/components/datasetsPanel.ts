import { EMPTY_MESSAGE } from "../core/datasets/format";
import type { DatasetRow, DatasetsState } from "../core/datasets/types";
import { appendMessage } from "./inline";

const COLUMNS: { key: keyof DatasetRow; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "source", label: "Source" },
  { key: "importedAt", label: "Imported (UTC)" },
  { key: "accounts", label: "Accounts", numeric: true },
  { key: "tweets", label: "Tweets", numeric: true },
];

/** Replaces the content of `container` with the view of `state`. */
export function renderDatasets(container: HTMLElement, state: DatasetsState): void {
  container.replaceChildren();
  container.setAttribute("aria-busy", String(state.kind === "loading"));
  switch (state.kind) {
    case "loading":
      container.append(note("muted", "Loading datasets…"));
      return;
    case "empty":
      container.append(note("muted", EMPTY_MESSAGE));
      return;
    case "error":
      container.append(note("error", state.message, "alert"));
      return;
    case "loaded":
      container.append(table(state.rows), note("muted summary", state.summary));
      return;
  }
}

function note(className: string, message: string, role?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  if (role) p.setAttribute("role", role);
  appendMessage(p, message);
  return p;
}

function table(rows: readonly DatasetRow[]): HTMLTableElement {
  const t = document.createElement("table");
  const headRow = t.createTHead().insertRow();
  for (const col of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = col.label;
    if (col.numeric) th.className = "num";
    headRow.append(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const col of COLUMNS) {
      const td = tr.insertCell();
      td.textContent = row[col.key];
      if (col.numeric) td.className = "num";
    }
  }
  return t;
}
