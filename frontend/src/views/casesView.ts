import { api } from "../core/api/client";
import type { Mark, MarkStatus } from "../core/api/types";
import { t } from "../core/i18n/i18n";
import { link } from "../core/route/route";
import { bdi, richText } from "../components/bidiText";
import {
  a,
  count,
  errorBox,
  h,
  MARK_STATUSES,
  markBadge,
  markLabel,
  note,
  panel,
  select,
  table,
  when,
} from "../components/dom";
import type { View } from "./view";

/** Cases: every triage mark with its note and assignee, filterable by status; each opens what it marks. */
export const casesView: View = async ({ container, route, navigate }) => {
  const status = (MARK_STATUSES as readonly MarkStatus[]).find((s) => s === route.params["status"]);
  let marks;
  try {
    marks = await api.marks(status);
  } catch (e) {
    container.replaceChildren(panel(t("cases.title"), errorBox(e)));
    return;
  }
  const filter = select(
    "status",
    [["", t("common.all")], ...MARK_STATUSES.map((s): [string, string] => [s, markLabel(s)])],
    status,
    {
      onchange: (e: Event) => navigate({ view: "cases", params: { status: (e.target as HTMLSelectElement).value } }),
    },
  );
  container.replaceChildren(
    panel(
      t("cases.title"),
      note(t("cases.note")),
      h("label", { class: "filters" }, t("cases.status") + " ", filter),
      marks.items.length === 0
        ? note("No mark yet: mark a cluster or an account from its page.")
        : table<Mark>(
            [
              {
                label: t("cases.target"),
                cell: (m) =>
                  m.targetType === "cluster"
                    ? a(link("cluster", m.targetId), `${t("common.cluster")} ${m.targetId}`)
                    : h(
                        "a",
                        { href: link("account", m.targetId, { dataset: m.dataset ?? undefined }) },
                        bdi(m.targetId),
                      ),
              },
              { label: t("common.dataset"), cell: (m) => m.dataset ?? "—" },
              { label: t("common.triage"), cell: (m) => markBadge(m) ?? "" },
              { label: t("triage.assignee"), cell: (m) => bdi(m.assignee ?? "—") },
              { label: t("cases.note.col"), cell: (m) => richText(m.note ?? "") },
              { label: t("cases.updated"), cell: (m) => when(m.updatedAt) },
            ],
            marks.items,
            { caption: `${count(marks.total)}` },
          ),
    ),
  );
};
