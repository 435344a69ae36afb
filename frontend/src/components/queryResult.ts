import type { QueryResult } from "../core/api/types";
import { cellText, humanLabel } from "../core/text/labels";
import { bdi } from "./bidiText";
import { h } from "./dom";

/** A query's rows as a table (at most 1,000 shown), for the saved queries and the Cypher console. */
export function resultTable(result: QueryResult, testId: string): HTMLTableElement {
  const t = h("table", { "data-testid": testId });
  const head = t.createTHead().insertRow();
  for (const c of result.columns) head.append(h("th", { scope: "col", title: c }, humanLabel(c)));
  const body = t.createTBody();
  for (const row of result.rows.slice(0, 1000)) {
    const tr = body.insertRow();
    // values are user data in any script: each cell isolated
    for (const value of row) tr.insertCell().append(bdi(cellText(value)));
  }
  return t;
}
