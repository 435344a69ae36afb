import { t } from "../core/i18n/i18n";
import { api, type ClusterQuery } from "../core/api/client";
import type { ClusterSummary, DetectionOption, Page, DetectionResult } from "../core/api/types";
import { buildOverviewGraph, colourMap } from "../core/graph/build";
import { isSuspect, thresholdIndex } from "../core/clusters/ranking";
import { link, numberParam, withParams } from "../core/route/route";
import { count, day, errorBox, h, ltr, markBadge, note, panel, score, select, table } from "../components/dom";
import { richText } from "../components/bidiText";
import { GraphView, legend } from "../components/graphView";
import type { View } from "./view";

const PAGE_SIZE = 50;

/** The signal ids the filter offers: the detection options' prefixes and any signal seen on clusters. */
export function signalChoices(options: readonly DetectionOption[], clusters: readonly ClusterSummary[]): string[] {
  const ids = new Set<string>();
  for (const o of options) {
    const dot = o.id.indexOf(".");
    if (dot > 0) ids.add(o.id.slice(0, dot));
  }
  for (const c of clusters) c.signals.forEach((s) => ids.add(s));
  return [...ids].sort();
}

/** Clusters: filters, a sortable table and an overview map (a node per cluster, sized by members). */
export const clustersView: View = async ({ container, route, navigate }) => {
  const p = route.params;
  const query: ClusterQuery = {
    minScore: numberParam(route, "minScore", 0),
    sort: (["score", "size", "created"].includes(p["sort"] ?? "") ? p["sort"] : "score") as ClusterQuery["sort"] &
      string,
    dir: p["dir"] === "asc" ? "asc" : "desc",
    page: numberParam(route, "page", 0),
    size: PAGE_SIZE,
  };
  if (p["run"]) query.run = p["run"];
  if (p["dataset"]) query.dataset = p["dataset"];
  if (p["signal"]) query.signal = p["signal"];
  container.replaceChildren(note(t("clusters.loading")));
  const [runs, datasets, options] = await Promise.all([
    api.runs().catch(() => ({ items: [] as DetectionResult[] }) as Page<DetectionResult>),
    api.datasets().catch(() => ({ items: [] }) as unknown as Awaited<ReturnType<typeof api.datasets>>),
    api.detectionOptions().catch(() => [] as DetectionOption[]),
  ]);
  let page: Page<ClusterSummary>;
  try {
    page = await api.clusters(query);
  } catch (e) {
    container.replaceChildren(panel(t("clusters.title"), errorBox(e)));
    return;
  }
  const go = (changes: Record<string, string | number | undefined>) => navigate(withParams(route, changes));
  const form = h(
    "form",
    { class: "filters", "data-testid": "cluster-filters" },
    h(
      "label",
      {},
      t("clusters.filterDataset") + " ",
      select(
        "dataset",
        [["", t("common.all")], ...datasets.items.map((d): [string, string] => [d.name, d.name])],
        p["dataset"],
      ),
    ),
    h(
      "label",
      {},
      t("clusters.filterRun") + " ",
      select(
        "run",
        [
          ["", t("common.newest")],
          ...runs.items.map((r): [string, string] => [
            r.runId,
            `${ltr(r.runId)} (${ltr(r.dataset)}, ${day(r.startedAt)})`,
          ]),
        ],
        p["run"],
      ),
    ),
    h(
      "label",
      {},
      t("clusters.filterMinScore") + " ",
      h("input", { type: "number", name: "minScore", min: 0, max: 1, step: 0.05, value: query.minScore ?? 0 }),
    ),
    h(
      "label",
      {},
      t("clusters.filterSignal") + " ",
      select(
        "signal",
        [["", t("common.any")], ...signalChoices(options, page.items).map((s): [string, string] => [s, s])],
        p["signal"],
      ),
    ),
    h("button", { type: "submit" }, t("common.apply")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    go({
      dataset: String(data.get("dataset") ?? ""),
      run: String(data.get("run") ?? ""),
      minScore: String(data.get("minScore") ?? ""),
      signal: String(data.get("signal") ?? ""),
      page: undefined,
    });
  });
  const onSort = (key: string) =>
    go({ sort: key, dir: query.sort === key && query.dir === "desc" ? "asc" : "desc", page: undefined });
  const rows = page.items;
  const first = (query.page ?? 0) * PAGE_SIZE;
  const pager = h(
    "div",
    { class: "pager" },
    h(
      "span",
      { class: "muted" },
      rows.length === 0
        ? t("clusters.none")
        : t("clusters.range", { from: first + 1, to: first + rows.length, total: count(page.total) }),
    ),
    h(
      "button",
      { type: "button", disabled: (query.page ?? 0) === 0, onclick: () => go({ page: (query.page ?? 0) - 1 }) },
      t("common.previous"),
    ),
    h(
      "button",
      {
        type: "button",
        disabled: first + rows.length >= page.total,
        onclick: () => go({ page: (query.page ?? 0) + 1 }),
      },
      t("common.next"),
    ),
  );
  const mapBox = h("div", { class: "graph small-graph", "data-testid": "overview-map" });
  const cut = thresholdIndex(rows, (query.sort ?? "score") === "score" && (query.dir ?? "desc") === "desc");
  const content =
    rows.length === 0
      ? note(
          runs.items.length === 0
            ? "No detection run yet: start one on the Detection page, or `java -jar backend/target/coordscope.jar detect`."
            : "No cluster matches these filters: lower the minimum score or choose any signal.",
        )
      : table<ClusterSummary>(
          [
            {
              label: t("common.cluster"),
              cell: (c) =>
                h(
                  "span",
                  {},
                  h("a", { href: link("cluster", c.id), class: "cluster-name" }, c.name ? richText(c.name) : c.id),
                  c.name ? h("span", { class: "muted cluster-id" }, " ", ltr(c.id)) : null,
                ),
            },
            { label: t("common.score"), cell: (c) => score(c.score), numeric: true, sortKey: "score" },
            { label: t("common.size"), cell: (c) => count(c.size), numeric: true, sortKey: "size" },
            { label: t("common.mainSignals"), cell: (c) => c.signals.slice(0, 3).join(", ") || "—" },
            {
              label: t("common.accountsCreated"),
              // each date whole, the range broken between them when the column is narrow
              cell: (c) =>
                h(
                  "span",
                  {},
                  h("span", { class: "nowrap" }, day(c.createdFrom)),
                  " – ",
                  h("span", { class: "nowrap" }, day(c.createdTo)),
                ),
              sortKey: "created",
            },
            { label: t("common.why"), cell: (c) => richText(c.reasons[0] ?? "") },
            { label: t("common.dataset"), cell: (c) => c.dataset },
            { label: t("common.triage"), cell: (c) => markBadge(c.mark) },
            {
              label: t("common.suspect"),
              cell: (c) =>
                isSuspect(c)
                  ? h(
                      "span",
                      {
                        class: "badge mark-confirmed",
                        title: t("clusters.atLeast", { threshold: score(c.suspectThreshold) }),
                      },
                      t("common.suspect"),
                    )
                  : h("span", { class: "muted" }, t("common.below")),
            },
          ],
          rows,
          {
            sort: { key: query.sort ?? "score", dir: query.dir ?? "desc" },
            onSort,
            onRow: (c) => navigate({ view: "cluster", id: c.id, params: {} }),
            // a dashed line above the first cluster under the suspect threshold (when listed by score), the rest greyed
            rowClass: (c) =>
              [rows.indexOf(c) === cut ? "threshold" : "", isSuspect(c) ? "" : "below-threshold"].join(" ").trim() ||
              undefined,
          },
        );
  const suspects = rows.filter(isSuspect).length;
  const thresholdNote =
    rows.length === 0 || rows[0]?.suspectThreshold === undefined
      ? null
      : h(
          "p",
          { class: "threshold-note muted", "data-testid": "threshold-note" },
          t(cut > 0 ? "clusters.thresholdLine" : "clusters.threshold", {
            suspects: count(suspects),
            listed: count(rows.length),
            threshold: score(rows[0]?.suspectThreshold),
          }),
        );
  container.replaceChildren(
    h(
      "div",
      { class: "columns" },
      panel(t("clusters.title"), form, thresholdNote, content, pager),
      panel(
        t("clusters.overview"),
        mapBox,
        legend(colourMap(rows.map((c) => c.signals[0] ?? null))),
        note(t("clusters.overviewNote")),
      ),
    ),
  );
  if (rows.length === 0) return;
  const view = new GraphView(mapBox, buildOverviewGraph(rows), {
    onNodeClick: (id) => navigate({ view: "cluster", id, params: {} }),
  });
  return () => view.kill();
};
