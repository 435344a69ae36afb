import { api, downloads } from "../core/api/client";
import { csrfHeaders } from "../core/api/http";
import type { ClusterDetail, ClusterGraph, Member } from "../core/api/types";
import { addNeighbours, buildClusterGraph, recolour, type ColorBy } from "../core/graph/build";
import { link, numberParam, withParams } from "../core/route/route";
import { bucketsOfRange, edgeHistogram, edgeInRange, fromActivity, type Histogram } from "../core/timeline/histogram";
import { renderAccountPanel } from "../components/accountPanel";
import { handle, richText, sharedObject } from "../components/bidiText";
import { isSuspect } from "../core/clusters/ranking";
import { campaignKind, campaignValue } from "../core/campaigns/campaign";
import { t } from "../core/i18n/i18n";
import {
  a,
  count,
  day,
  errorBox,
  foldedList,
  h,
  list,
  markBadge,
  ltr,
  note,
  panel,
  saveBlob,
  score,
  select,
  table,
  when,
} from "../components/dom";
import { GraphView, legend } from "../components/graphView";
import { rangeHistogram } from "../components/histogramView";
import { triageControls } from "../components/triage";
import type { View } from "./view";

const GRAPH_LIMIT = 1500;

/** Cluster view: the graph, the time slider, reasons, members with evidence, the account panel and exports. */
export const clusterView: View = async ({ container, route, navigate }) => {
  const id = route.id ?? "";
  const colorBy: ColorBy = route.params["color"] === "signal" ? "signal" : "community";
  const limit = numberParam(route, "limit", GRAPH_LIMIT);
  container.replaceChildren(note(t("cluster.loading", { id: ltr(id) })));
  let detail: ClusterDetail;
  let data: ClusterGraph;
  try {
    [detail, data] = await Promise.all([api.cluster(id), api.clusterGraph(id, limit)]);
  } catch (e) {
    container.replaceChildren(
      panel(t("cluster.titleId", { id: ltr(id) }), errorBox(e), h("p", {}, a(link("clusters"), t("cluster.back")))),
    );
    return;
  }
  const s = detail.summary;
  const run = s.run;
  const graph = buildClusterGraph(data, colorBy);
  const activity = await api.clusterActivity(id).catch(() => null);
  const hist: Histogram = fromActivity(activity) ?? edgeHistogram(data.edges, 60);

  const graphBox = h("div", { class: "graph", "data-testid": "cluster-graph" });
  const side = h("div", { class: "side" });
  const legendBox = h("div", {});
  const status = h("span", { class: "muted", "data-testid": "graph-status" });
  let view: GraphView | null = null;
  let currentLegend = new Map<string, string>();
  // links the time slider hides: the status says so, or the graph would look unchanged ("557 links" before and after)
  let hiddenByTime = 0;
  const showStatus = () => {
    status.textContent =
      t("cluster.status", {
        accounts: count(graph.order),
        shown: count(graph.size - hiddenByTime),
        links: count(graph.size),
      }) + (hiddenByTime > 0 ? t("cluster.statusHidden", { hidden: count(hiddenByTime) }) : "");
  };

  const selectAccount = (account: string | null, updateUrl = true) => {
    view?.select(account);
    if (updateUrl) navigate(withParams(route, { account: account ?? undefined }), { silent: true, replace: true });
    route.params = withParams(route, { account: account ?? undefined }).params;
    if (account === null) {
      side.replaceChildren(reasonsPanel(detail));
      return;
    }
    const box = h("div", {});
    side.replaceChildren(
      h(
        "p",
        {},
        h("button", { type: "button", class: "quiet", onclick: () => selectAccount(null) }, t("cluster.backToReasons")),
      ),
      box,
    );
    side.parentElement?.scrollTo({ top: 0 });
    // the drawer may be below the fold (member table click): bring it up
    side.parentElement?.scrollIntoView({ block: "nearest" });
    void renderAccountPanel(box, account, s.dataset, {
      run,
      onSelect: (other) => selectAccount(other),
      expand: async (acc, max) => {
        const page = await api.neighbours(acc, { run, dataset: s.dataset, size: max });
        const added = addNeighbours(graph, acc, page.items);
        recolour(graph, colorBy);
        view?.refresh();
        view?.select(acc);
        if (added > 0) view?.runLayout(2000); // spread the new neighbours out
        showStatus();
        return { added, total: page.total };
      },
    });
  };

  const exportView = async () => {
    const response = await fetch("/api/exports/graph", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(await csrfHeaders("POST")) },
      body: JSON.stringify({ run, accounts: graph.nodes(), format: "gexf" }),
    });
    if (!response.ok) throw new Error(`the server answered HTTP ${response.status} to the view export`);
    saveBlob(await response.blob(), `cluster-${id}-view.gexf`);
  };
  const exportProblem = h("div", {});
  const exportsRow = h(
    "div",
    { class: "exports", "data-testid": "exports" },
    h("span", { class: "muted" }, t("cluster.export")),
    a(downloads.suspects({ run, cluster: id, format: "csv" }), t("cluster.suspectsCsv"), {
      download: "",
      "data-testid": "export-csv",
    }),
    a(downloads.suspects({ run, cluster: id, format: "json" }), t("cluster.suspectsJson"), {
      download: "",
      "data-testid": "export-json",
    }),
    a(downloads.report(id, "html"), t("cluster.report"), { download: "", "data-testid": "export-report" }),
    a(downloads.report(id, "pdf"), t("cluster.reportPdf"), { download: "", "data-testid": "export-report-pdf" }),
    a(downloads.report(id, "csv"), t("cluster.reportCsv"), { download: "", "data-testid": "export-report-csv" }),
    a(downloads.clusterGraph(id, "gexf", run), "GEXF", { download: "" }),
    a(downloads.clusterGraph(id, "graphml", run), "GraphML", { download: "" }),
    h(
      "button",
      {
        type: "button",
        class: "small",
        onclick: () => exportView().catch((e: unknown) => exportProblem.replaceChildren(errorBox(e))),
      },
      t("cluster.viewGexf"),
    ),
    h(
      "button",
      {
        type: "button",
        class: "small",
        "data-testid": "export-png",
        onclick: async () => {
          if (view)
            saveBlob(
              await view.snapshot({
                title: t("cluster.pngTitle", {
                  name: s.name ?? t("cluster.titleId", { id: s.id }),
                  id: s.id,
                  score: score(s.score),
                  accounts: count(graph.order),
                  links: count(graph.size),
                }),
                legend: currentLegend,
              }),
              `cluster-${id}.png`,
            );
        },
      },
      t("cluster.png"),
    ),
    exportProblem,
  );

  const fromParam = numberParam(route, "from", Number.NaN);
  const toParam = numberParam(route, "to", Number.NaN);
  const initial: [number, number] =
    Number.isFinite(fromParam) && Number.isFinite(toParam)
      ? bucketsOfRange(hist, { from: fromParam * 1000, to: toParam * 1000 })
      : [0, Math.max(0, hist.counts.length - 1)];
  const slider =
    hist.counts.length === 0
      ? note(t("cluster.noActivity"))
      : rangeHistogram(hist, initial, t("cluster.slider"), (range, lo, hi) => {
          const all = lo === 0 && hi === hist.counts.length - 1;
          const inRange = (attrs: Parameters<typeof edgeInRange>[0]) => edgeInRange(attrs, range);
          view?.setEdgeFilter(all ? null : inRange);
          hiddenByTime = all ? 0 : graph.filterEdges((_, attrs) => !inRange(attrs)).length;
          showStatus();
          const changes = all
            ? { from: undefined, to: undefined }
            : { from: Math.floor(range.from / 1000), to: Math.ceil(range.to / 1000) };
          route.params = withParams(route, changes).params;
          navigate(route, { silent: true, replace: true });
        });

  const truncated = data.truncated
    ? h(
        "p",
        { class: "warning" },
        t("cluster.truncated", {
          shown: count(data.nodes.length),
          total: count(data.totalNodes),
          edges: count(data.edges.length),
          totalEdges: count(data.totalEdges),
        }),
        h(
          "button",
          {
            type: "button",
            "data-testid": "show-more",
            onclick: () => navigate(withParams(route, { limit: limit * 2 })),
          },
          t("cluster.showMore"),
        ),
      )
    : null;
  const toolbar = h(
    "div",
    { class: "toolbar" },
    h(
      "label",
      {},
      t("cluster.colourBy"),
      select(
        "color",
        [
          ["community", t("cluster.colour.community")],
          ["signal", t("cluster.colour.signal")],
        ],
        colorBy,
        {
          onchange: (e: Event) => navigate(withParams(route, { color: (e.target as HTMLSelectElement).value })),
        },
      ),
    ),
    h("button", { type: "button", class: "small", onclick: () => view?.runLayout(3000) }, t("cluster.relayout")),
    status,
    legendBox,
  );

  const members = detail.members;
  const memberTable = table<Member>(
    [
      {
        label: t("common.rank"),
        cell: (m) => String(members.page * members.size + members.items.indexOf(m) + 1),
        numeric: true,
      },
      {
        label: t("common.account"),
        cell: (m) =>
          h(
            "button",
            { type: "button", class: "link", "data-testid": "member", onclick: () => selectAccount(m.accountId) },
            handle(m.screenName, m.accountId),
          ),
      },
      { label: t("common.score"), cell: (m) => score(m.score), numeric: true },
      { label: t("common.strength"), cell: (m) => score(m.strength), numeric: true },
      { label: t("common.created"), cell: (m) => day(m.createdAt) },
      { label: t("cluster.col.evidence"), cell: (m) => foldedList(m.reasons) },
      {
        label: t("common.triage"),
        cell: (m) =>
          h(
            "span",
            {},
            markBadge(m.mark) ?? "",
            m.allowlisted ? h("span", { class: "badge allowlisted" }, t("common.allowlisted")) : "",
          ),
      },
    ],
    members.items,
  );

  container.replaceChildren(
    h(
      "section",
      { class: "panel cluster-head" },
      h(
        "div",
        { class: "panel-head" },
        h(
          "h2",
          { "data-testid": "cluster-title" },
          s.name ? richText(s.name) : t("cluster.titleId", { id: ltr(s.id) }),
          s.name ? h("span", { class: "muted cluster-id" }, t("cluster.idSuffix", { id: ltr(s.id) })) : null,
        ),
        a(link("clusters", undefined, { run }), t("cluster.allOfRun")),
      ),
      h(
        "p",
        {},
        isSuspect(s)
          ? h("span", { class: "badge mark-confirmed" }, t("common.suspect"))
          : h("span", { class: "badge" }, t("cluster.belowThreshold")),
        t("cluster.summary", {
          score: score(s.score),
          size: count(s.size),
          signals: s.signals.join(", ") || "—",
          from: day(s.createdFrom),
          to: day(s.createdTo),
          dataset: ltr(s.dataset),
          run: ltr(run),
        }),
      ),
      triageControls({ targetType: "cluster", targetId: s.id, dataset: s.dataset }, s.mark),
      exportsRow,
      h(
        "p",
        { class: "row" },
        h("span", { class: "muted" }, t("cluster.savedQueries")),
        a(link("queries", "cluster-links", { "p.cluster": s.id }), t("cluster.q.links")),
        a(link("queries", "cluster-mentions", { "p.cluster": s.id }), t("cluster.q.mentions")),
        a(link("queries", "same-week-accounts", { "p.cluster": s.id }), t("cluster.q.sameWeeks")),
      ),
    ),
    h(
      "div",
      { class: "workspace", "data-testid": "workspace" },
      h("section", { class: "panel" }, toolbar, truncated, graphBox, slider),
      h("aside", { class: "panel drawer", "data-testid": "drawer" }, side),
    ),
    panel(
      t("cluster.membersTitle", { total: count(members.total) }),
      members.total > members.items.length
        ? note(t("cluster.membersCapped", { listed: count(members.items.length) }))
        : null,
      memberTable,
    ),
  );

  currentLegend = recolour(graph, colorBy);
  legendBox.replaceChildren(legend(currentLegend));
  status.textContent = t("cluster.layingOut", { accounts: count(graph.order), links: count(graph.size) });
  view = new GraphView(graphBox, graph, {
    layoutMs: Math.min(8000, 1500 + graph.order * 4),
    onNodeClick: (node) => selectAccount(node),
    onStageClick: () => selectAccount(null),
    onLayoutDone: () => showStatus(),
  });
  if (initial[0] !== 0 || initial[1] !== hist.counts.length - 1) {
    const range = { from: hist.start + initial[0] * hist.bucketMs, to: hist.start + (initial[1] + 1) * hist.bucketMs };
    view.setEdgeFilter((attrs) => edgeInRange(attrs, range));
    hiddenByTime = graph.filterEdges((_, attrs) => !edgeInRange(attrs, range)).length;
    showStatus();
  }
  selectAccount(route.params["account"] ?? null, false);
  const v = view;
  return () => v.kill();
};

function reasonsPanel(detail: ClusterDetail): HTMLElement {
  return h(
    "div",
    { "data-testid": "reasons" },
    h("h3", {}, t("cluster.why")),
    list(detail.reasons.length > 0 ? detail.reasons : detail.summary.reasons),
    h("h3", {}, t("cluster.together")),
    detail.topObjects.length === 0
      ? note(t("cluster.noObjects"))
      : table(
          [
            { label: t("common.kind"), cell: (o) => o.kind },
            {
              label: t("cluster.col.object"),
              cell: (o) => {
                const kind = campaignKind(o.kind);
                return h(
                  "span",
                  {},
                  sharedObject(o.kind, o.object),
                  kind
                    ? h(
                        "a",
                        {
                          class: "small-link",
                          "data-testid": "campaign-link",
                          href: link("campaign", undefined, {
                            kind,
                            value: campaignValue(o.kind, o.object),
                            dataset: detail.summary.dataset,
                          }),
                        },
                        ` ${t("cluster.campaign")} →`,
                      )
                    : null,
                );
              },
            },
            { label: t("common.accounts"), cell: (o) => count(o.accounts), numeric: true },
            { label: t("cluster.col.actions"), cell: (o) => count(o.actions), numeric: true },
            { label: t("cluster.col.span"), cell: (o) => `${when(o.firstAt)} – ${when(o.lastAt)}` },
          ],
          detail.topObjects,
        ),
    note(t("cluster.clickHint")),
  );
}
