import type { EvidenceCard, Page, Post } from "../core/api/types";
import { exactInstant, gapText, sharedWhat } from "../core/evidence/format";
import { handle, sharedObject } from "./bidiText";
import { errorBox, h, note, score } from "./dom";

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
    noun: "shared objects",
    none: "no shared object recorded",
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
    noun: "posts",
    none: "no dated post",
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
    box.replaceChildren(note(`Loading the ${o.noun}…`));
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
            : `${o.noun} ${first + 1}–${first + answer.items.length} of ${answer.total}, newest first`,
        ),
        h(
          "button",
          { type: "button", class: "small", disabled: answer.page === 0, onclick: () => void show(answer.page - 1) },
          "Newer",
        ),
        h(
          "button",
          {
            type: "button",
            class: "small",
            disabled: first + answer.items.length >= answer.total,
            onclick: () => void show(answer.page + 1),
          },
          "Older",
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
      h("span", { class: "muted" }, `${gapText(c.gapSeconds)} apart`),
      c.idf === null
        ? null
        : h(
            "span",
            { class: "muted", title: "inverse document frequency: higher means fewer accounts acted on this object" },
            `rarity ${score(c.idf)}`,
          ),
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
    h("time", { datetime: time ?? "" }, exactInstant(time)),
  );
  if (!post) {
    return h(
      "div",
      { class: "post missing", "data-testid": "evidence-post" },
      head,
      h("p", { class: "post-text" }, "No post of this account is stored at that second."),
    );
  }
  const original = post.original;
  return h(
    "div",
    { class: "post", "data-testid": "evidence-post", "data-post": post.id },
    head,
    post.text
      ? h("p", { class: "post-text", dir: "auto", "data-testid": "post-text" }, post.text)
      : h("p", { class: "post-text muted" }, "(no text stored)"),
    original
      ? h(
          "div",
          { class: "post-meta" },
          "retweet of ",
          original.authorScreenName || original.authorId
            ? handle(original.authorScreenName, original.authorId ?? "")
            : "an unknown author",
          original.time ? ` (posted ${exactInstant(original.time)})` : "",
          original.text
            ? h("p", { class: "post-text", dir: "auto", "data-testid": "original-text" }, original.text)
            : h("span", { class: "muted" }, ` — original ${original.id}, text not in the dataset`),
        )
      : null,
    h(
      "div",
      { class: "post-meta" },
      post.source
        ? h("span", { class: "source", title: "file and line of the imported row" }, post.source)
        : h("span", { class: "muted" }, "no source row stored"),
      post.url ? " · " : null,
      post.url
        ? h("a", { href: post.url, target: "_blank", rel: "noopener noreferrer" }, "open on the platform")
        : null,
    ),
  );
}
