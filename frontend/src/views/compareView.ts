import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { RunChange, RunInfo } from "../core/api/types";
import { link, withParams } from "../core/route/route";
import { a, count, day, errorBox, h, note, panel, select, table } from "../components/dom";
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
          ],
          page.items,
        ),
  );
}

/** Run comparison: which accounts entered, left or changed cluster between two runs. */
export const compareView: View = async ({ container, route, navigate }) => {
  let runs: RunInfo[];
  try {
    runs = (await api.runs()).items;
  } catch (e) {
    container.replaceChildren(panel(t("compare.title"), errorBox(e)));
    return;
  }
  const choices = runs.map((r): [string, string] => [
    r.id,
    `${r.id} (${r.dataset}, ${day(r.startedAt)}, ${count(r.clusters)} clusters)`,
  ]);
  const from = route.params["from"] ?? runs[1]?.id;
  const to = route.params["to"] ?? runs[0]?.id;
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
    out.replaceChildren(changes("Entered", c.entered), changes("Left", c.left), changes("Changed cluster", c.moved));
  } catch (e) {
    out.replaceChildren(errorBox(e));
  }
};
