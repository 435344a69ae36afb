import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { QueryResult, SavedQuery } from "../core/api/types";
import { toCsv } from "../core/csv/csv";
import { fieldsFromParams, readValues } from "../core/forms/fields";
import { buildQueryGraph } from "../core/graph/build";
import { link } from "../core/route/route";
import { a, errorBox, h, note, panel, saveBlob } from "../components/dom";
import { GraphView } from "../components/graphView";
import { resultTable } from "../components/queryResult";
import { fieldInputs, rawValues } from "./formView";
import type { View } from "./view";

const PREFIX = "p.";

/** Saved queries: the catalogue, a form from the chosen query's typed parameters, results as table and graph. */
export const queriesView: View = async ({ container, route, navigate }) => {
  container.replaceChildren(note("Loading saved queries…"));
  let queries: SavedQuery[];
  try {
    queries = await api.queries();
  } catch (e) {
    container.replaceChildren(panel(t("queries.title"), errorBox(e)));
    return;
  }
  const chosen = queries.find((q) => q.name === route.id);
  const catalogue = h(
    "ul",
    { class: "catalogue", "data-testid": "query-list" },
    ...queries.map((q) =>
      h(
        "li",
        { class: q.name === chosen?.name ? "active" : undefined },
        a(link("queries", q.name), q.title || q.name),
        h("p", { class: "muted" }, q.description),
      ),
    ),
  );
  if (!chosen) {
    container.replaceChildren(
      h(
        "div",
        { class: "columns" },
        panel(
          "Saved queries",
          queries.length === 0 ? note("No saved query: add `.cypher` files under `cypher/queries/`.") : catalogue,
        ),
        panel(
          "Run a query",
          note(
            route.id
              ? `There is no saved query named "${route.id}"; choose one from the list.`
              : "Choose a query from the list; its parameters appear here.",
          ),
        ),
      ),
    );
    return;
  }
  const fields = fieldsFromParams(chosen.parameters);
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(route.params)) if (k.startsWith(PREFIX)) given[k.slice(PREFIX.length)] = v;
  const form = h(
    "form",
    { class: "query-form", "data-testid": "query-form" },
    ...fieldInputs(fields, given, false),
    h("button", { type: "submit" }, "Run"),
  );
  const results = h("div", { "data-testid": "query-results" });
  let graphView: GraphView | null = null;
  const run = async (values: Record<string, string | number | boolean>) => {
    graphView?.kill();
    graphView = null;
    results.replaceChildren(note("Running…"));
    let result: QueryResult;
    try {
      result = await api.runQuery(chosen.name, values);
    } catch (e) {
      results.replaceChildren(errorBox(e));
      return;
    }
    const csv = h(
      "button",
      {
        type: "button",
        "data-testid": "query-csv",
        onclick: () =>
          saveBlob(new Blob([toCsv(result.columns, result.rows)], { type: "text/csv" }), `${chosen.name}.csv`),
      },
      "Export CSV",
    );
    const t = resultTable(result, "query-table");
    const graphBox = h("div", { class: "graph", "data-testid": "query-graph" });
    const hasGraph = result.graph !== null && result.graph.nodes.length > 0;
    results.replaceChildren(
      h(
        "p",
        { class: "muted" },
        `${result.rows.length} rows in ${result.millis} ms${result.truncated ? " (capped: narrow the parameters to see everything)" : ""} `,
        csv,
      ),
      hasGraph ? graphBox : "",
      result.rows.length === 0 ? note("No rows: widen the parameters (a longer time range, a lower threshold).") : t,
    );
    if (hasGraph && result.graph) {
      const accounts = new Map(
        result.graph.nodes
          .filter((n) => n.labels.includes("Account") && typeof n.properties["id"] === "string")
          .map((n) => [n.id, n.properties]),
      );
      graphView = new GraphView(graphBox, buildQueryGraph(result.graph), {
        layoutMs: 2000,
        onNodeClick: (node) => {
          const p = accounts.get(node);
          if (p)
            navigate({
              view: "account",
              id: String(p["id"]),
              params: typeof p["dataset"] === "string" ? { dataset: p["dataset"] } : {},
            });
        },
      });
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const raw = rawValues(form, fields);
    const values = readValues(fields, raw);
    if (values.errors.length > 0) {
      results.replaceChildren(errorBox(`Check these parameters: ${values.errors.join(" ")}`));
      return;
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw))
      if (v !== "" && v !== fields.find((f) => f.name === k)?.defaultText) params[PREFIX + k] = v;
    navigate({ view: "queries", id: chosen.name, params }, { silent: true });
    void run(values.typed);
  });
  container.replaceChildren(
    h(
      "div",
      { class: "columns narrow-left" },
      panel(t("queries.title"), catalogue),
      panel(
        chosen.title || chosen.name,
        h("p", {}, chosen.description),
        chosen.cypher ? h("details", {}, h("summary", {}, "Cypher"), h("pre", { class: "cypher" }, chosen.cypher)) : "",
        form,
        results,
      ),
    ),
  );
  if (Object.keys(given).length > 0) form.requestSubmit();
  return () => graphView?.kill();
};
