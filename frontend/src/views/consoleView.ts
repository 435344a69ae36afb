import { api } from "../core/api/client";
import type { QueryResult } from "../core/api/types";
import { parseParams } from "../core/audit/audit";
import { toCsv } from "../core/csv/csv";
import { errorBox, h, note, panel, saveBlob } from "../components/dom";
import { resultTable } from "../components/queryResult";
import type { View } from "./view";

const EXAMPLE =
  "MATCH (a:Account {dataset: $dataset})\nRETURN a.id AS id, a.screenName AS screenName\nORDER BY id LIMIT 25";

/** The admins' read-only Cypher console: a query and its JSON parameters; writes and LOAD CSV are refused by the server. */
export const consoleView: View = async ({ container }) => {
  const cypher = h("textarea", {
    name: "cypher",
    rows: 8,
    cols: 80,
    spellcheck: false,
    "data-testid": "console-cypher",
    "aria-label": "Cypher",
  });
  cypher.value = EXAMPLE;
  const params = h("textarea", {
    name: "params",
    rows: 3,
    cols: 80,
    spellcheck: false,
    "data-testid": "console-params",
    "aria-label": "Parameters (JSON)",
  });
  params.value = '{"dataset": "world"}';
  const results = h("div", { "data-testid": "console-results" });
  const form = h(
    "form",
    { class: "query-form", "data-testid": "console-form" },
    h("label", {}, "Cypher (read-only) ", cypher),
    h("label", {}, "Parameters (JSON) ", params),
    h("button", { type: "submit" }, "Run"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const parsed = parseParams(params.value);
    if ("error" in parsed) {
      results.replaceChildren(errorBox(parsed.error));
      return;
    }
    results.replaceChildren(note("Running…"));
    void api.runCypher(cypher.value, parsed.params).then(
      (result: QueryResult) => {
        const csv = h(
          "button",
          {
            type: "button",
            "data-testid": "console-csv",
            onclick: () =>
              saveBlob(new Blob([toCsv(result.columns, result.rows)], { type: "text/csv" }), "console.csv"),
          },
          "Export CSV",
        );
        results.replaceChildren(
          h(
            "p",
            { class: "muted" },
            `${result.rows.length} rows in ${result.millis} ms${result.truncated ? " (capped)" : ""} `,
            csv,
          ),
          result.rows.length === 0 ? note("No rows.") : resultTable(result, "console-table"),
        );
      },
      (err: unknown) => results.replaceChildren(errorBox(err)),
    );
  });
  container.replaceChildren(
    panel(
      "Cypher console",
      note(
        "For administrators. Queries run read-only, with a timeout, a row cap and a memory limit; a query that writes, calls a writing procedure or uses LOAD CSV is refused. Every run is recorded in the audit trail.",
      ),
      form,
      results,
    ),
  );
};
