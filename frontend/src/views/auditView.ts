import { t } from "../core/i18n/i18n";
import { api, downloads } from "../core/api/client";
import type { AuditEntry, Page } from "../core/api/types";
import { AUDIT_ACTIONS, auditQuery, detailsText } from "../core/audit/audit";
import { withParams } from "../core/route/route";
import { a, count, errorBox, h, note, panel, select, table, when } from "../components/dom";
import type { View } from "./view";

const PAGE_SIZE = 50;

/** Audit (admins): who ran, exported, imported, detected, deleted or triaged what, filtered, paged, as CSV. */
export const auditView: View = async ({ container, route, navigate }) => {
  const p = route.params;
  const query = auditQuery(p, PAGE_SIZE);
  container.replaceChildren(note("Loading the audit trail…"));
  let page: Page<AuditEntry>;
  try {
    page = await api.audit(query);
  } catch (e) {
    container.replaceChildren(panel(t("audit.title"), errorBox(e), note("The audit trail is for administrators.")));
    return;
  }
  const go = (changes: Record<string, string | number | undefined>) => navigate(withParams(route, changes));
  const form = h(
    "form",
    { class: "filters", "data-testid": "audit-filters" },
    h("label", {}, "Actor ", h("input", { type: "text", name: "actor", value: p["actor"] ?? "", placeholder: "any" })),
    h(
      "label",
      {},
      "Action ",
      select(
        "action",
        [["", "any"], ...AUDIT_ACTIONS.map((x): [string, string] => [x, x.includes(".") ? x : `${x} (all)`])],
        p["action"],
      ),
    ),
    h("label", {}, "From ", h("input", { type: "date", name: "from", value: p["from"] ?? "" })),
    h("label", {}, "To ", h("input", { type: "date", name: "to", value: p["to"] ?? "" })),
    h("button", { type: "submit" }, "Apply"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    go({ actor: text("actor"), action: text("action"), from: text("from"), to: text("to"), page: undefined });
  });
  const rows = page.items;
  const first = (query.page ?? 0) * PAGE_SIZE;
  const pager = h(
    "div",
    { class: "pager" },
    h(
      "span",
      { class: "muted", "data-testid": "audit-count" },
      rows.length === 0 ? "no entry" : `${first + 1}–${first + rows.length} of ${count(page.total)} entries`,
    ),
    h(
      "button",
      { type: "button", disabled: (query.page ?? 0) === 0, onclick: () => go({ page: (query.page ?? 0) - 1 }) },
      "Previous",
    ),
    h(
      "button",
      {
        type: "button",
        disabled: first + rows.length >= page.total,
        onclick: () => go({ page: (query.page ?? 0) + 1 }),
      },
      "Next",
    ),
    a(downloads.auditCsv(query), "Download CSV", { download: "", "data-testid": "audit-csv" }),
  );
  const content =
    rows.length === 0
      ? note("No entry matches these filters: clear the actor, choose any action or widen the dates.")
      : table<AuditEntry>(
          [
            { label: "#", cell: (e) => String(e.seq), numeric: true },
            { label: "when", cell: (e) => when(e.at) },
            { label: "who", cell: (e) => e.actor },
            { label: "action", cell: (e) => e.action },
            { label: "on", cell: (e) => e.target ?? "—" },
            { label: "details", cell: (e) => detailsText(e) },
          ],
          rows,
          { caption: "Newest first. Entries are never changed or deleted." },
        );
  container.replaceChildren(panel(t("audit.title"), form, content, pager));
};
