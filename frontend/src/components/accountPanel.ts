import { api, downloads } from "../core/api/client";
import type { AccountDetail, CoActor } from "../core/api/types";
import { link } from "../core/route/route";
import { fromActivity } from "../core/timeline/histogram";
import { bdi, handle, richText } from "./bidiText";
import { CARD_PAGE, evidenceCardList, postList } from "./evidenceCards";
import { a, count, errorBox, foldedList, h, note, score, table, when } from "./dom";
import { timeline } from "./histogramView";
import { allowlistControl, triageControls } from "./triage";

export interface AccountPanelContext {
  run?: string;
  /** Present in the cluster view: adds up to `limit` neighbours to the graph; returns how many were new. */
  expand?: (account: string, limit: number) => Promise<{ added: number; total: number }>;
  /** Selects another account (a co-actor) in the surrounding view. */
  onSelect?: (account: string) => void;
}

const EXPAND_STEP = 25;

/** The account panel: profile, memberships and score, timeline, co-actors, evidence per edge, triage. */
export async function renderAccountPanel(
  container: HTMLElement,
  accountId: string,
  dataset: string | undefined,
  ctx: AccountPanelContext = {},
): Promise<void> {
  container.replaceChildren(note("Loading account…"));
  let account: AccountDetail;
  try {
    account = await api.account(accountId, dataset, ctx.run);
  } catch (e) {
    container.replaceChildren(errorBox(e));
    return;
  }
  const evidence = h("div", { class: "evidence", "data-testid": "edge-evidence" });
  const expandBox = h("div", { class: "expand" });
  if (ctx.expand) {
    let limit = 0;
    const status = h("span", { class: "muted", "data-testid": "expand-status" });
    const button = h("button", { type: "button", "data-testid": "expand" }, "Expand neighbours");
    button.addEventListener("click", async () => {
      limit += EXPAND_STEP;
      button.disabled = true;
      try {
        const r = await ctx.expand?.(account.id, limit);
        if (r) {
          status.textContent =
            `${Math.min(limit, r.total)} of ${r.total} neighbours shown (${r.added} new)` +
            (r.added === 0
              ? r.total === 0
                ? ": this account has no co-actor in the run."
                : ": all of them were already in the graph, so it did not change."
              : "");
          button.textContent =
            limit < r.total ? `Show ${Math.min(EXPAND_STEP, r.total - limit)} more` : "All neighbours shown";
          button.disabled = limit >= r.total;
        }
      } catch (e) {
        status.replaceChildren(errorBox(e));
        button.disabled = false;
      }
    });
    expandBox.append(button, " ", status);
  }
  const run = ctx.run ?? account.run ?? undefined;
  const me = { id: account.id, screenName: account.screenName };
  const showEdge = (other: CoActor) => {
    evidence.replaceChildren(
      h("h4", {}, "Why ", handle(account.screenName, account.id), " is linked to ", handle(other.screenName, other.id)),
      h("p", { class: "muted" }, `weight ${score(other.weight)} · ${other.signals.join(", ")}`),
      evidenceCardList(
        (page) => api.edgeCards(account.id, other.id, { run, dataset: account.dataset, page, size: CARD_PAGE }),
        { a: me, b: { id: other.id, screenName: other.screenName } },
        { scrollTo: true },
      ),
    );
  };
  const showAll = () => {
    evidence.replaceChildren(
      h("h4", {}, "Every shared object of ", handle(account.screenName, account.id), " in this run"),
      evidenceCardList(
        (page) => api.accountCards(account.id, { run, dataset: account.dataset, page, size: CARD_PAGE }),
        { a: me },
        { scrollTo: true },
      ),
    );
  };
  const hist = fromActivity(account.activity);
  container.replaceChildren(
    h(
      "div",
      { class: "account", "data-testid": "account-panel", "data-account": account.id },
      h(
        "h3",
        {},
        handle(account.screenName, account.id),
        " ",
        a(link("account", account.id, { dataset: account.dataset }), "open", { class: "small" }),
      ),
      account.displayName ? h("p", { class: "display-name" }, bdi(account.displayName)) : null,
      account.description
        ? h("p", { class: "muted", dir: "auto" }, richText(account.description))
        : h("p", { class: "muted" }, "(empty profile description)"),
      h(
        "dl",
        { class: "facts" },
        ...fact("id", account.id),
        ...fact("dataset", account.dataset),
        ...fact("created", when(account.createdAt)),
        ...fact("followers / following", `${count(account.followers)} / ${count(account.following)}`),
        ...fact("posts / retweets", `${count(account.posts)} / ${count(account.retweets)}`),
        ...fact("client", account.client ?? "—"),
        ...fact("language", account.lang ?? "—"),
      ),
      triageControls({ targetType: "account", targetId: account.id, dataset: account.dataset }, account.mark),
      allowlistControl(account.dataset, account.id, account.allowlisted),
      h("h4", {}, "Memberships"),
      account.memberships.length === 0
        ? note("In no cluster.")
        : table(
            [
              { label: "cluster", cell: (m) => a(link("cluster", m.clusterId, { account: account.id }), m.clusterId) },
              { label: "run", cell: (m) => m.run },
              { label: "score", cell: (m) => score(m.score), numeric: true },
              { label: "strength", cell: (m) => score(m.strength), numeric: true },
              { label: "why", cell: (m) => foldedList(m.reasons) },
            ],
            account.memberships,
          ),
      h("h4", {}, "Activity"),
      hist ? timeline(hist, "posts over time") : note("No dated posts."),
      h("h4", {}, "Top co-actors"),
      expandBox,
      account.topCoActors.length === 0
        ? note("No co-actors in this run.")
        : table(
            [
              { label: "account", cell: (c) => handle(c.screenName, c.id) },
              { label: "weight", cell: (c) => score(c.weight), numeric: true },
              { label: "signals", cell: (c) => c.signals.join(", ") },
              { label: "cluster", cell: (c) => c.clusterId ?? "—" },
              {
                label: "",
                cell: (c) =>
                  h(
                    "button",
                    { type: "button", class: "small", "data-testid": "show-evidence", onclick: () => showEdge(c) },
                    "evidence",
                  ),
              },
            ],
            account.topCoActors,
            ctx.onSelect ? { onRow: (c) => ctx.onSelect?.(c.id) } : {},
          ),
      account.topCoActors.length === 0
        ? null
        : h(
            "p",
            {},
            h(
              "button",
              { type: "button", class: "small", "data-testid": "show-all-evidence", onclick: showAll },
              "all its shared objects",
            ),
          ),
      evidence,
      h("h4", {}, "Posts"),
      postList((page) => api.posts(account.id, { dataset: account.dataset, page, size: CARD_PAGE }), me),
      h(
        "p",
        {},
        a(downloads.evidence(account.id, ctx.run ?? account.run ?? undefined), "Download the evidence file (JSON)", {
          download: "",
        }),
      ),
      h(
        "p",
        {},
        "Saved queries: ",
        a(
          link("queries", "coaction-neighbourhood", {
            "p.account": account.id,
            "p.dataset": account.dataset,
            "p.run": ctx.run,
          }),
          "two-step co-action neighbourhood",
          { "data-testid": "neighbourhood-query" },
        ),
        " · ",
        a(
          link("queries", "fast-retweeters", { "p.account": account.id, "p.dataset": account.dataset }),
          "who retweets it within a minute",
        ),
      ),
    ),
  );
}

function fact(term: string, value: string): HTMLElement[] {
  return [h("dt", {}, term), h("dd", {}, value)];
}
