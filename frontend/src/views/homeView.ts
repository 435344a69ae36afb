import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import { isAdmin } from "../core/auth/session";
import { loadDatasets } from "../core/datasets/state";
import { link } from "../core/route/route";
import { renderDatasets } from "../components/datasetsPanel";
import { a, count, day, errorBox, h, note, panel, score, table } from "../components/dom";
import type { View } from "./view";

/** Home: datasets, detection runs, and where to go next. */
export const homeView: View = async ({ container }) => {
  const datasets = h("div", { id: "datasets", "aria-live": "polite" });
  const runs = h("div", {});
  // importing and detecting are the admins' (the API refuses the others): no link to a form they cannot use
  const admin = isAdmin(await api.me().catch(() => null));
  container.replaceChildren(
    panel(t("home.datasets"), datasets, admin ? h("p", {}, a(link("import"), t("home.importLink"))) : null),
    panel(
      t("home.runs"),
      runs,
      h(
        "p",
        {},
        admin ? a(link("detect"), t("home.detectLink")) : null,
        admin ? " " : null,
        a(link("compare"), t("home.compareLink")),
      ),
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
