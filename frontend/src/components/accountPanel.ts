import { api, downloads } from "../core/api/client";
import type { AccountDetail, CoActor } from "../core/api/types";
import { t } from "../core/i18n/i18n";
import { link } from "../core/route/route";
import { fromActivity } from "../core/timeline/histogram";
import { platformName } from "../core/text/platform";
import { bdi, handle, platformBadge, richText } from "./bidiText";
import { CARD_PAGE, evidenceCardList, postList } from "./evidenceCards";
import { a, count, errorBox, foldedList, h, ltr, note, score, table, when } from "./dom";
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
  container.replaceChildren(note(t("account.loading")));
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
    const button = h("button", { type: "button", "data-testid": "expand" }, t("account.expand"));
    button.addEventListener("click", async () => {
      limit += EXPAND_STEP;
      button.disabled = true;
      try {
        const r = await ctx.expand?.(account.id, limit);
        if (r) {
          status.textContent =
            t("account.expandStatus", {
              shown: count(Math.min(limit, r.total)),
              total: count(r.total),
              added: count(r.added),
            }) + (r.added === 0 ? (r.total === 0 ? t("account.expandNone") : t("account.expandSame")) : "");
          button.textContent =
            limit < r.total
              ? t("account.showMoreNeighbours", { count: Math.min(EXPAND_STEP, r.total - limit) })
              : t("account.allNeighbours");
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
      h(
        "h4",
        {},
        ...fill(t("account.whyLinked"), {
          a: handle(account.screenName, account.id),
          b: handle(other.screenName, other.id),
        }),
      ),
      h("p", { class: "muted" }, `${t("common.weight")} ${score(other.weight)} · ${other.signals.join(", ")}`),
      evidenceCardList(
        (page) => api.edgeCards(account.id, other.id, { run, dataset: account.dataset, page, size: CARD_PAGE }),
        { a: me, b: { id: other.id, screenName: other.screenName } },
        { scrollTo: true },
      ),
    );
  };
  const showAll = () => {
    evidence.replaceChildren(
      h("h4", {}, ...fill(t("account.everyShared"), { a: handle(account.screenName, account.id) })),
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
        a(link("account", account.id, { dataset: account.dataset }), t("account.open"), { class: "small" }),
        account.platform ? " " : null,
        account.platform ? platformBadge(account.platform) : null,
      ),
      account.displayName ? h("p", { class: "display-name" }, bdi(account.displayName)) : null,
      account.description
        ? h("p", { class: "muted", dir: "auto" }, richText(account.description))
        : h("p", { class: "muted" }, t("account.emptyDescription")),
      h(
        "dl",
        { class: "facts" },
        ...fact(t("account.id"), ltr(account.id)),
        ...fact(t("common.platform"), platformName(account.platform)),
        ...fact(t("common.dataset"), ltr(account.dataset)),
        ...fact(t("common.created"), when(account.createdAt)),
        ...fact(t("account.followers"), `${count(account.followers)} / ${count(account.following)}`),
        ...fact(t("account.postsRetweets"), `${count(account.posts)} / ${count(account.retweets)}`),
        ...fact(t("account.client"), account.client ?? "—"),
        ...fact(t("account.language"), account.lang ?? "—"),
      ),
      triageControls({ targetType: "account", targetId: account.id, dataset: account.dataset }, account.mark),
      allowlistControl(account.dataset, account.id, account.allowlisted),
      h("h4", {}, t("account.memberships")),
      account.memberships.length === 0
        ? note(t("account.inNoCluster"))
        : table(
            [
              {
                label: t("common.cluster"),
                cell: (m) => a(link("cluster", m.clusterId, { account: account.id }), ltr(m.clusterId)),
              },
              { label: t("common.run"), cell: (m) => ltr(m.run) },
              { label: t("common.score"), cell: (m) => score(m.score), numeric: true },
              { label: t("common.strength"), cell: (m) => score(m.strength), numeric: true },
              { label: t("common.why"), cell: (m) => foldedList(m.reasons) },
            ],
            account.memberships,
          ),
      h("h4", {}, t("account.activity")),
      hist ? timeline(hist, t("account.postsOverTime")) : note(t("account.noDatedPosts")),
      h("h4", {}, t("account.coActors")),
      expandBox,
      account.topCoActors.length === 0
        ? note(t("account.noCoActors"))
        : table(
            [
              { label: t("common.account"), cell: (c) => handle(c.screenName, c.id) },
              { label: t("common.weight"), cell: (c) => score(c.weight), numeric: true },
              { label: t("common.signals"), cell: (c) => c.signals.join(", ") },
              { label: t("common.cluster"), cell: (c) => (c.clusterId ? ltr(c.clusterId) : "—") },
              {
                label: "",
                cell: (c) =>
                  h(
                    "button",
                    { type: "button", class: "small", "data-testid": "show-evidence", onclick: () => showEdge(c) },
                    t("account.evidence"),
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
              t("account.allShared"),
            ),
          ),
      evidence,
      h("h4", {}, t("account.posts")),
      postList((page) => api.posts(account.id, { dataset: account.dataset, page, size: CARD_PAGE }), me),
      h(
        "p",
        {},
        a(downloads.evidence(account.id, ctx.run ?? account.run ?? undefined), t("account.download"), {
          download: "",
        }),
      ),
      h(
        "p",
        {},
        t("cluster.savedQueries"),
        a(
          link("queries", "coaction-neighbourhood", {
            "p.account": account.id,
            "p.dataset": account.dataset,
            "p.run": ctx.run,
          }),
          t("account.neighbourhood"),
          { "data-testid": "neighbourhood-query" },
        ),
        " · ",
        a(
          link("queries", "fast-retweeters", { "p.account": account.id, "p.dataset": account.dataset }),
          t("account.fastRetweeters"),
        ),
      ),
    ),
  );
}

/**
 * A message with `{name}` slots filled by elements (a handle stays an isolated `<bdi>` inside a translated
 * sentence, wherever the language puts it).
 */
function fill(message: string, parts: Record<string, Node>): (string | Node)[] {
  return message.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece));
}

function fact(term: string, value: string): HTMLElement[] {
  return [h("dt", {}, term), h("dd", {}, value)];
}
