import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { ClusterMatch, Page, RunChange, DetectionResult } from "../core/api/types";
import { link, withParams } from "../core/route/route";
import { a, count, day, errorBox, h, markBadge, note, panel, score, select, table } from "../components/dom";
import type { View } from "./view";

function changes(title: string, page: { items: RunChange[]; total: number }): HTMLElement {
  return panel(
    `${title} (${count(page.total)})`,
    page.items.length === 0
      ? note("None.")
      : table<RunChange>(
          [
            {
              label: "account",
              cell: (c) =>
                a(link("account", c.accountId), c.screenName ? `@${c.screenName}` : c.accountId, { dir: "auto" }),
            },
            {
              label: "from cluster",
              cell: (c) => (c.fromCluster ? a(link("cluster", c.fromCluster), c.fromCluster) : "—"),
            },
            { label: "to cluster", cell: (c) => (c.toCluster ? a(link("cluster", c.toCluster), c.toCluster) : "—") },
            { label: t("common.triage"), cell: (c) => markBadge(c.mark) ?? "" },
          ],
          page.items,
        ),
  );
}

const signed = (n: number | null) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(2)}`);

/** The first run's clusters beside their matches: scores, the change, and the marks on both. */
function clusterMatches(page: Page<ClusterMatch>): HTMLElement {
  return panel(
    `${t("compare.marks")} (${count(page.total)})`,
    page.items.length === 0
      ? note("None.")
      : table<ClusterMatch>(
          [
            { label: "cluster", cell: (m) => a(link("cluster", m.fromCluster), m.fromCluster) },
            { label: "score", cell: (m) => score(m.fromScore), numeric: true },
            { label: "mark", cell: (m) => markBadge(m.fromMark) ?? "" },
            {
              label: "matched in the second run",
              cell: (m) =>
                m.toCluster ? a(link("cluster", m.toCluster), m.toCluster) : "— (its members are unclustered)",
            },
            { label: "shared members", cell: (m) => `${count(m.shared)} of ${count(m.members)}`, numeric: true },
            { label: "new score", cell: (m) => score(m.toScore), numeric: true },
            {
              label: "change",
              cell: (m) =>
                h(
                  "span",
                  { class: m.scoreChange !== null && m.scoreChange < 0 ? "down" : "up", "data-testid": "score-change" },
                  signed(m.scoreChange),
                ),
              numeric: true,
            },
            { label: "mark there", cell: (m) => markBadge(m.toMark) ?? "" },
          ],
          page.items,
          { rowClass: (m) => (m.fromMark || m.toMark ? "marked" : undefined) },
        ),
  );
}

/** Run comparison: each cluster's match with scores and marks, and which accounts entered, left or changed cluster. */
export const compareView: View = async ({ container, route, navigate }) => {
  let runs: DetectionResult[];
  try {
    runs = (await api.runs()).items;
  } catch (e) {
    container.replaceChildren(panel(t("compare.title"), errorBox(e)));
    return;
  }
  const choices = runs.map((r): [string, string] => [
    r.runId,
    `${r.runId} (${r.dataset}, ${day(r.startedAt)}, ${count(r.clusters)} clusters)`,
  ]);
  const from = route.params["from"] ?? runs[1]?.runId;
  const to = route.params["to"] ?? runs[0]?.runId;
  const form = h(
    "form",
    { class: "row" },
    h("label", {}, "From ", select("from", choices, from)),
    h("label", {}, "To ", select("to", choices, to)),
    h("button", { type: "submit" }, "Compare"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    navigate(withParams(route, { from: String(data.get("from")), to: String(data.get("to")) }));
  });
  const out = h("div", {});
  container.replaceChildren(
    panel(
      "Compare runs",
      runs.length < 2
        ? note("Two runs are needed: run detection again (with other options or after an import) to compare.")
        : form,
    ),
    out,
  );
  if (!route.params["from"] || !route.params["to"]) return;
  out.replaceChildren(note("Comparing…"));
  try {
    const c = await api.compareRuns(route.params["from"], route.params["to"]);
    out.replaceChildren(
      clusterMatches(c.clusters),
      changes("Entered", c.entered),
      changes("Left", c.left),
      changes("Changed cluster", c.moved),
    );
  } catch (e) {
    out.replaceChildren(errorBox(e));
  }
};
