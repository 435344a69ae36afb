import { api } from "../core/api/client";
import { loadDatasets } from "../core/datasets/state";
import { link } from "../core/route/route";
import { renderDatasets } from "../components/datasetsPanel";
import { a, count, day, errorBox, h, note, panel, score, table } from "../components/dom";
import type { View } from "./view";

/** Home: datasets, detection runs, and where to go next. */
export const homeView: View = async ({ container }) => {
  const datasets = h("div", { id: "datasets", "aria-live": "polite" });
  const runs = h("div", {});
  container.replaceChildren(
    panel("Datasets", datasets, h("p", {}, a(link("import"), "Import a dataset →"))),
    panel(
      "Detection runs",
      runs,
      h("p", {}, a(link("detect"), "Start a detection run →"), " ", a(link("compare"), "Compare two runs →")),
    ),
  );
  renderDatasets(datasets, { kind: "loading" });
  const [state, runPage] = await Promise.all([loadDatasets(), api.runs().catch((e: unknown) => ({ error: e }))]);
  renderDatasets(datasets, state);
  if ("error" in runPage) {
    runs.replaceChildren(errorBox(runPage.error));
  } else if (runPage.items.length === 0) {
    runs.replaceChildren(note("No run yet."));
  } else {
    runs.replaceChildren(
      table(
        [
          { label: "run", cell: (r) => a(link("clusters", undefined, { run: r.runId }), r.runId) },
          { label: "dataset", cell: (r) => r.dataset },
          { label: "started", cell: (r) => day(r.startedAt) },
          { label: "clusters", cell: (r) => count(r.clusters), numeric: true },
          { label: "suspects", cell: (r) => count(r.suspects), numeric: true },
          { label: "modularity", cell: (r) => score(r.modularity), numeric: true },
        ],
        runPage.items,
      ),
    );
  }
};
