import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { Mark, MarkStatus } from "../core/api/types";
import { errorBox, h, MARK_STATUSES, markBadge, markLabel } from "./dom";

/**
 * Triage controls: mark an account or a cluster confirmed, false positive or needs review with a note
 * (stored in Neo4j, kept across runs), or clear the mark.
 */
export function triageControls(
  target: { targetType: "account" | "cluster"; targetId: string; dataset: string | null },
  mark: Mark | null,
): HTMLElement {
  const box = h("div", { class: "triage", "data-testid": `triage-${target.targetType}` });
  const render = (current: Mark | null, problem?: unknown) => {
    const noteInput = h("input", {
      type: "text",
      name: "note",
      placeholder: t("triage.note"),
      value: current?.note ?? "",
      "aria-label": t("triage.note"),
    });
    const assigneeInput = h("input", {
      type: "text",
      name: "assignee",
      placeholder: t("triage.assignee"),
      value: current?.assignee ?? "",
      "aria-label": t("triage.assignee"),
      size: 10,
      "data-testid": "assignee",
    });
    const buttons = (MARK_STATUSES as readonly MarkStatus[]).map((status) =>
      h(
        "button",
        {
          type: "button",
          class: current?.status === status ? "active" : undefined,
          "aria-pressed": String(current?.status === status),
          onclick: async () => {
            try {
              render(
                await api.setMark({ ...target, status, note: noteInput.value, assignee: assigneeInput.value.trim() }),
              );
            } catch (e) {
              render(current, e);
            }
          },
        },
        markLabel(status),
      ),
    );
    // a carried-over mark is the earlier cluster's: only a mark set here can be cleared here
    const clear =
      current && !current.carriedFrom
        ? h(
            "button",
            {
              type: "button",
              class: "quiet",
              onclick: async () => {
                try {
                  await api.clearMark(target.targetType, target.targetId, target.dataset);
                  render(null);
                } catch (e) {
                  render(current, e);
                }
              },
            },
            t("triage.clear"),
          )
        : null;
    box.replaceChildren(
      h("span", { class: "muted" }, t("triage.label")),
      markBadge(current) ?? "",
      ...buttons,
      noteInput,
      assigneeInput,
      current?.carriedFrom
        ? h(
            "span",
            { class: "muted carried", "data-testid": "carried-over" },
            t("triage.carriedFrom", { cluster: current.carriedFrom }),
          )
        : "",
      clear ?? "",
      problem ? errorBox(problem) : "",
    );
  };
  render(mark);
  return box;
}

/** Allowlist toggle: legitimate accounts (outlets, officials) stay out of suspect lists. */
export function allowlistControl(dataset: string, accountId: string, allowlisted: boolean): HTMLElement {
  const box = h("div", { class: "allowlist" });
  const render = (on: boolean, problem?: unknown) => {
    const button = h(
      "button",
      {
        type: "button",
        "data-testid": "allowlist",
        onclick: async () => {
          try {
            if (on) await api.disallow(dataset, accountId);
            else await api.allow(dataset, accountId, "");
            render(!on);
          } catch (e) {
            render(on, e);
          }
        },
      },
      on ? t("allowlist.remove") : t("allowlist.add"),
    );
    box.replaceChildren(
      on ? h("span", { class: "badge allowlisted" }, t("common.allowlisted")) : "",
      button,
      problem ? errorBox(problem) : "",
    );
  };
  render(allowlisted);
  return box;
}
