import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { SearchHit } from "../core/api/types";
import { link } from "../core/route/route";
import { kindOfHit } from "../core/campaigns/campaign";
import { isolate } from "../core/text/bidi";
import { bdi, hashtag } from "../components/bidiText";
import { a, errorBox, h, note, panel, table } from "../components/dom";
import type { View } from "./view";

function target(hit: SearchHit): HTMLElement {
  if (hit.type === "account")
    return a(link("account", hit.id, { dataset: hit.dataset ?? undefined }), hit.label, { dir: "auto" });
  // a hashtag opens the saved query that lists its top amplifiers, already filled in
  if (hit.type === "hashtag")
    return h(
      "a",
      { href: link("queries", "hashtag-amplifiers", { "p.tag": hit.id, "p.dataset": hit.dataset ?? undefined }) },
      hashtag(hit.label),
    );
  return bdi(hit.label);
}

/** Search results for accounts (screen name, id), hashtags and links. */
export const searchView: View = async ({ container, route }) => {
  const q = route.params["q"] ?? "";
  if (q.trim() === "") {
    container.replaceChildren(panel(t("search.title"), note(t("search.hint"))));
    return;
  }
  container.replaceChildren(panel(`${t("search.title")}: ${isolate(q)}`, note(t("search.searching"))));
  try {
    const page = await api.search(q, 100);
    container.replaceChildren(
      panel(
        `${t("search.title")}: ${isolate(q)}`,
        page.items.length === 0
          ? note("Nothing found. Try part of a screen name, the exact account id, a hashtag without #, or a domain.")
          : table<SearchHit>(
              [
                { label: "type", cell: (hit) => hit.type },
                { label: "match", cell: target },
                { label: "dataset", cell: (hit) => hit.dataset ?? "—" },
                { label: "detail", cell: (hit) => bdi(hit.detail ?? "") },
                {
                  label: t("campaign.title"),
                  cell: (hit) => {
                    const kind = kindOfHit(hit.type);
                    return kind
                      ? a(
                          link("campaign", undefined, { kind, value: hit.id, dataset: hit.dataset ?? undefined }),
                          t("search.campaign"),
                          {
                            "data-testid": "search-campaign",
                          },
                        )
                      : "";
                  },
                },
              ],
              page.items,
              {
                caption:
                  page.total > page.items.length
                    ? `first ${page.items.length} of ${page.total}`
                    : `${page.total} found`,
              },
            ),
        note(
          "A hashtag opens its top amplifiers (the saved query hashtag-amplifiers); for a link, run a saved query with it as a parameter.",
        ),
      ),
    );
  } catch (e) {
    container.replaceChildren(panel(`${t("search.title")}: ${isolate(q)}`, errorBox(e)));
  }
};
