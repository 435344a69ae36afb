import { api } from "../core/api/client";
import type { Backer, Campaign, CampaignKind, ClusterShare } from "../core/api/types";
import { bucketWords, percent, stackedBars } from "../core/campaigns/campaign";
import { PALETTE } from "../core/graph/build";
import { t } from "../core/i18n/i18n";
import { link, withParams } from "../core/route/route";
import { bdi, handle, hashtag, richText } from "../components/bidiText";
import { stackedBarChart } from "../components/barChart";
import { count, errorBox, h, note, panel, score, select, table, when } from "../components/dom";
import type { View } from "./view";

const KINDS: readonly CampaignKind[] = ["hashtag", "link", "domain", "retweet", "text"];
const REST = "#c9d2e6";
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

function what(kind: CampaignKind, value: string): HTMLElement {
  return kind === "hashtag" ? hashtag(value) : bdi(value, "object");
}

/** Campaign: a hashtag, link, site, retweeted tweet or line over time, and the clusters and accounts behind it. */
export const campaignView: View = async ({ container, route, navigate }) => {
  const p = route.params;
  const kind = (KINDS as readonly string[]).includes(p["kind"] ?? "") ? (p["kind"] as CampaignKind) : "hashtag";
  const value = p["value"] ?? "";
  const datasets = await api.datasets().catch(() => ({ items: [] as { name: string }[] }));
  const form = h(
    "form",
    { class: "filters", "data-testid": "campaign-form" },
    h(
      "label",
      {},
      t("campaign.kind") + " ",
      select(
        "kind",
        KINDS.map((k): [string, string] => [k, t(`campaign.kind.${k}`)]),
        kind,
      ),
    ),
    h("label", {}, t("campaign.value") + " ", h("input", { name: "value", value, required: true, dir: "auto" })),
    h(
      "label",
      {},
      t("clusters.filterDataset") + " ",
      select(
        "dataset",
        datasets.items.map((d): [string, string] => [d.name, d.name]),
        p["dataset"],
      ),
    ),
    h("button", { type: "submit" }, t("common.apply")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    navigate(
      withParams(
        { view: "campaign", params: {} },
        {
          kind: String(data.get("kind") ?? ""),
          value: String(data.get("value") ?? ""),
          dataset: String(data.get("dataset") ?? ""),
        },
      ),
    );
  });
  if (value.trim() === "") {
    container.replaceChildren(panel(t("campaign.title"), form));
    return;
  }
  container.replaceChildren(panel(t("campaign.title"), form, note(t("common.loading"))));
  let c: Campaign;
  try {
    c = await api.campaign({ kind, value, dataset: p["dataset"], run: p["run"] });
  } catch (e) {
    container.replaceChildren(panel(t("campaign.title"), form, errorBox(e)));
    return;
  }
  const head = h(
    "section",
    { class: "panel" },
    h(
      "div",
      { class: "panel-head" },
      h("h2", { "data-testid": "campaign-title" }, `${t("campaign.title")}: `, what(c.kind, c.value)),
    ),
    form,
    h(
      "p",
      { "data-testid": "campaign-summary" },
      c.posts === 0
        ? t("campaign.none", { kind: t(`campaign.kind.${c.kind}`), dataset: c.dataset })
        : t("campaign.summary", {
            posts: count(c.posts),
            accounts: count(c.accounts),
            clustered: count(c.suspectPosts),
            share: percent(c.suspectShare),
          }),
      c.run
        ? h("span", { class: "muted" }, ` · ${t("common.dataset")} ${c.dataset} · ${t("common.run")} ${c.run}`)
        : "",
    ),
  );
  if (c.posts === 0) {
    container.replaceChildren(head);
    return;
  }
  const suspects = c.clusters.filter((k) => k.suspect);
  const colour = new Map(suspects.map((k, i) => [k.id, PALETTE[i % PALETTE.length] ?? REST]));
  const nameOf = new Map(c.clusters.map((k) => [k.id, k.name ?? k.id]));
  const bars = stackedBars(c).map((b) => ({
    title: `${stamp(b.start)} UTC: ${b.total} ${t("common.posts")}`,
    parts: [
      ...b.parts.map((part) => ({
        value: part.posts,
        colour: colour.get(part.cluster) ?? REST,
        title: `${nameOf.get(part.cluster) ?? part.cluster}: ${part.posts}`,
      })),
      { value: b.rest, colour: REST, title: `${b.rest}` },
    ],
  }));
  const from = c.from ? Date.parse(c.from) : 0;
  const to = c.to ? Date.parse(c.to) : 0;
  const volume = h(
    "section",
    { class: "panel" },
    h("div", { class: "panel-head" }, h("h2", {}, t("campaign.volume"))),
    h(
      "div",
      { class: "chart-box", "data-testid": "campaign-volume" },
      stackedBarChart(bars, {
        label: t("campaign.volume"),
        labels: [stamp(from), stamp((from + to) / 2), stamp(to)],
      }),
    ),
    h(
      "ul",
      { class: "legend" },
      ...suspects.map((k) =>
        h(
          "li",
          {},
          h("span", { class: "swatch", style: `background:${colour.get(k.id) ?? REST}` }),
          h("a", { href: link("cluster", k.id) }, richText(k.name ?? k.id)),
        ),
      ),
      h("li", {}, h("span", { class: "swatch", style: `background:${REST}` }), "other accounts"),
    ),
    note(t("campaign.volumeNote", { bucket: bucketWords(c.bucketSeconds) })),
  );
  const hours = h(
    "section",
    { class: "panel" },
    h("div", { class: "panel-head" }, h("h2", {}, t("campaign.peakHours"))),
    h(
      "div",
      { class: "chart-box small", "data-testid": "campaign-hours" },
      stackedBarChart(
        c.hours.map((n, hour) => ({
          title: `${String(hour).padStart(2, "0")}:00 UTC: ${n}`,
          parts: [{ value: n, colour: c.peakHours.includes(hour) ? "#2f5bd3" : REST, title: `${n}` }],
        })),
        { label: t("campaign.peakHours"), height: 60, labels: ["00:00", "12:00", "23:00"] },
      ),
    ),
    h(
      "p",
      { "data-testid": "peak-hours" },
      c.peakHours.map((hour) => `${String(hour).padStart(2, "0")}:00–${String(hour).padStart(2, "0")}:59`).join(", "),
    ),
  );
  const clusterTable = table<ClusterShare>(
    [
      { label: t("common.cluster"), cell: (k) => h("a", { href: link("cluster", k.id) }, richText(k.name ?? k.id)) },
      { label: t("common.score"), cell: (k) => score(k.score), numeric: true },
      {
        label: t("common.suspect"),
        cell: (k) =>
          k.suspect
            ? h("span", { class: "badge mark-confirmed" }, t("common.suspect"))
            : h("span", { class: "muted" }, t("common.below")),
      },
      { label: t("common.posts"), cell: (k) => count(k.posts), numeric: true },
      { label: t("common.accounts"), cell: (k) => count(k.accounts), numeric: true },
      { label: t("campaign.share"), cell: (k) => percent(k.share), numeric: true },
    ],
    c.clusters,
  );
  const backerTable = table<Backer>(
    [
      {
        label: t("common.account"),
        cell: (b) =>
          h(
            "a",
            { href: link("cluster", b.cluster, { account: b.accountId }), "data-testid": "backer" },
            handle(b.screenName, b.accountId),
          ),
      },
      { label: t("common.cluster"), cell: (b) => richText(nameOf.get(b.cluster) ?? b.cluster) },
      { label: t("common.posts"), cell: (b) => count(b.posts), numeric: true },
      { label: t("campaign.firstPost"), cell: (b) => when(b.firstAt) },
    ],
    c.backers,
  );
  container.replaceChildren(
    head,
    h("div", { class: "columns wide-left" }, volume, hours),
    h(
      "div",
      { class: "columns" },
      panel(t("campaign.clusters"), h("div", { class: "scroll-x" }, clusterTable)),
      panel(t("campaign.accounts"), h("div", { class: "scroll-x" }, backerTable)),
    ),
  );
};
