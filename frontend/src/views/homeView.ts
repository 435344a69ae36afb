import { t } from "../core/i18n/i18n";
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
    panel(t("home.datasets"), datasets, h("p", {}, a(link("import"), t("home.importLink")))),
    panel(
      t("home.runs"),
      runs,
      h("p", {}, a(link("detect"), t("home.detectLink")), " ", a(link("compare"), t("home.compareLink"))),
    ),
  );
  renderDatasets(datasets, { kind: "loading" });
  const [state, runPage] = await Promise.all([loadDatasets(), api.runs().catch((e: unknown) => ({ error: e }))]);
  renderDatasets(datasets, state);
  if ("error" in runPage) {
    runs.replaceChildren(errorBox(runPage.error));
  } else if (runPage.items.length === 0) {
    runs.replaceChildren(note(t("home.noRun")));
  } else {
    runs.replaceChildren(
      table(
        [
          { label: t("common.run"), cell: (r) => a(link("clusters", undefined, { run: r.runId }), r.runId) },
          { label: t("common.dataset"), cell: (r) => r.dataset },
          { label: t("common.started"), cell: (r) => day(r.startedAt) },
          { label: t("common.clusters"), cell: (r) => count(r.clusters), numeric: true },
          { label: t("common.suspects"), cell: (r) => count(r.suspects), numeric: true },
          { label: t("common.modularity"), cell: (r) => score(r.modularity), numeric: true },
        ],
        runPage.items,
      ),
    );
  }
};
