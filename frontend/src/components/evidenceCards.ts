import type { EvidenceCard, Page, Post } from "../core/api/types";
import { exactInstant, gapText, sharedWhat } from "../core/evidence/format";
import { t } from "../core/i18n/i18n";
import { platformName } from "../core/text/platform";
import { handle, platformBadge, sharedObject } from "./bidiText";
import { count, errorBox, h, ltr, note, score } from "./dom";

/** Who the two sides of the cards are: A the account asked about; B, when every card has the same co-actor. */
export interface CardSides {
  a: { id: string; screenName: string | null };
  b?: { id: string; screenName: string | null };
}

export const CARD_PAGE = 10;

/**
 * A paged list of evidence cards, newest first: `load(page)` fetches one page; "Older" and "Newer" move through
 * them. When `scrollTo` is set the list is scrolled into view once its first page shows (it opens in a drawer,
 * possibly below the button that asked for it).
 */
export function evidenceCardList(
  load: (page: number) => Promise<Page<EvidenceCard>>,
  sides: CardSides,
  opts: { scrollTo?: boolean } = {},
): HTMLElement {
  return pagedList(load, (c) => card(c, sides), {
    noun: t("cards.sharedObjects"),
    none: t("cards.noShared"),
    testId: "evidence-cards",
    scrollTo: opts.scrollTo ?? false,
  });
}

/** An account's posts, newest first, a page at a time. */
export function postList(
  load: (page: number) => Promise<Page<Post>>,
  who: { id: string; screenName: string | null },
): HTMLElement {
  return pagedList(load, (p) => postBox(who, p.time, p), {
    noun: t("cards.posts"),
    none: t("cards.noPost"),
    testId: "account-posts",
    scrollTo: false,
  });
}

/** Pages of items newest first with "Newer" / "Older" buttons; what one page shows is `render`'s. */
function pagedList<T>(
  load: (page: number) => Promise<Page<T>>,
  render: (item: T) => HTMLElement,
  o: { noun: string; none: string; testId: string; scrollTo: boolean },
): HTMLElement {
  const box = h("div", { class: "cards", "data-testid": o.testId });
  let scrolled = !o.scrollTo;
  const show = async (page: number) => {
    box.replaceChildren(note(t("cards.loading", { noun: o.noun })));
    let answer: Page<T>;
    try {
      answer = await load(page);
    } catch (e) {
      box.replaceChildren(errorBox(e));
      return;
    }
    const first = answer.page * answer.size;
    box.replaceChildren(
      h(
        "div",
        { class: "pager" },
        h(
          "span",
          { class: "muted", "data-testid": "pager-status" },
          answer.total === 0
            ? o.none
            : t("cards.range", {
                noun: o.noun,
                from: count(first + 1),
                to: count(first + answer.items.length),
                total: count(answer.total),
              }),
        ),
        h(
          "button",
          { type: "button", class: "small", disabled: answer.page === 0, onclick: () => void show(answer.page - 1) },
          t("cards.newer"),
        ),
        h(
          "button",
          {
            type: "button",
            class: "small",
            disabled: first + answer.items.length >= answer.total,
            onclick: () => void show(answer.page + 1),
          },
          t("cards.older"),
        ),
      ),
      ...answer.items.map(render),
    );
    if (!scrolled) {
      scrolled = true;
      box.scrollIntoView({ block: "start", behavior: "smooth" });
    }
  };
  void show(0);
  return box;
}

/** One shared object: what it is, the gap, and both accounts' posts side by side. */
export function card(c: EvidenceCard, sides: CardSides): HTMLElement {
  const b = sides.b ?? { id: c.coActorId, screenName: c.coActorScreenName };
  return h(
    "article",
    { class: "card", "data-testid": "evidence-card", "data-signal": c.signal, "data-co-actor": c.coActorId },
    h(
      "div",
      { class: "card-head" },
      h("strong", {}, sharedWhat(c.signal)),
      h("span", {}, sharedObject(c.signal, c.object)),
      h("span", { class: "muted" }, t("cards.apart", { gap: gapText(c.gapSeconds) })),
      c.idf === null
        ? null
        : h("span", { class: "muted", title: t("cards.rarityHelp") }, t("cards.rarity", { idf: score(c.idf) })),
    ),
    h("div", { class: "card-posts" }, postBox(sides.a, c.timeA, c.postA), postBox(b, c.timeB, c.postB)),
  );
}

/** One side of a card: whose post, its exact time, its text (for a retweet the original's, with its author), its row. */
export function postBox(
  who: { id: string; screenName: string | null },
  time: string | null,
  post: Post | null,
): HTMLElement {
  const head = h(
    "div",
    { class: "post-meta" },
    handle(who.screenName, who.id),
    " · ",
    // left to right as one unit, or a right-to-left page reorders its date, time and "UTC"
    h("time", { datetime: time ?? "", dir: "ltr" }, exactInstant(time)),
    post?.platform ? " " : null,
    post?.platform ? platformBadge(post.platform) : null,
  );
  if (!post) {
    return h(
      "div",
      { class: "post missing", "data-testid": "evidence-post" },
      head,
      h("p", { class: "post-text" }, t("cards.noPostAt")),
    );
  }
  const original = post.original;
  return h(
    "div",
    { class: "post", "data-testid": "evidence-post", "data-post": post.id },
    head,
    post.text
      ? h("p", { class: "post-text", dir: "auto", "data-testid": "post-text" }, post.text)
      : h("p", { class: "post-text muted" }, t("cards.noText")),
    original
      ? h(
          "div",
          { class: "post-meta" },
          post.platform === "telegram" ? t("cards.forwardOf") : t("cards.retweetOf"),
          original.authorScreenName || original.authorId
            ? handle(original.authorScreenName, original.authorId ?? "")
            : t("cards.unknownAuthor"),
          original.time ? t("cards.postedAt", { time: ltr(exactInstant(original.time)) }) : "",
          original.text
            ? h("p", { class: "post-text", dir: "auto", "data-testid": "original-text" }, original.text)
            : h("span", { class: "muted" }, t("cards.originalMissing", { id: ltr(original.id) })),
        )
      : null,
    h(
      "div",
      { class: "post-meta" },
      post.source
        ? h("span", { class: "source", title: t("cards.sourceHelp") }, post.source)
        : h("span", { class: "muted" }, t("cards.noSource")),
      post.url ? " · " : null,
      post.url
        ? h(
            "a",
            { href: post.url, target: "_blank", rel: "noopener noreferrer", "data-testid": "post-link" },
            post.platform ? t("cards.openOn", { platform: platformName(post.platform) }) : t("cards.openOnPlatform"),
          )
        : null,
    ),
  );
}
