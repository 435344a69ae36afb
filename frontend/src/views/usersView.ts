import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { Credentials, UserInfo } from "../core/api/types";
import { errorBox, h, note, panel, select, table, when } from "../components/dom";
import type { View } from "./view";

/** A generated password, shown this once with whom it belongs to; `what` says what was done (added, reset). */
function handOver(c: Credentials, what: "added" | "reset"): HTMLElement {
  const user = c.user.username;
  if (!c.password) return note(what === "added" ? t("users.added", { user }) : t("users.reset", { user }));
  return h(
    "p",
    { class: "note", "data-testid": "generated-password" },
    what === "added" ? t("users.addedWithPassword", { user }) : t("users.resetWithPassword", { user }),
    h("code", { text: c.password }),
  );
}

/** Users (admins only): list, add with a role, disable or enable, reset a password. */
export const usersView: View = async ({ container }) => {
  const out = h("div", { "data-testid": "users-message" });
  const listPanel = h("div", {});

  const act = async (action: () => Promise<HTMLElement>) => {
    try {
      out.replaceChildren(await action());
      await refresh();
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };

  const refresh = async () => {
    const users = (await api.users()).items;
    listPanel.replaceChildren(
      table<UserInfo>(
        [
          { label: t("users.user"), cell: (u) => u.username },
          { label: t("users.roles"), cell: (u) => u.roles.join(", ") },
          { label: t("users.enabled"), cell: (u) => (u.enabled ? t("common.yes") : t("common.no")) },
          { label: t("common.created"), cell: (u) => when(u.createdAt) },
          {
            label: "",
            cell: (u) =>
              h(
                "span",
                { class: "row" },
                h(
                  "button",
                  {
                    type: "button",
                    class: "small",
                    "data-testid": `toggle-${u.username}`,
                    onclick: () =>
                      act(async () => {
                        const changed = await api.setUserEnabled(u.username, !u.enabled);
                        const user = changed.username;
                        return note(
                          changed.enabled ? t("users.enabledUser", { user }) : t("users.disabledUser", { user }),
                        );
                      }),
                  },
                  u.enabled ? t("users.disable") : t("users.enable"),
                ),
                h(
                  "button",
                  {
                    type: "button",
                    class: "small",
                    onclick: () => act(async () => handOver(await api.resetPassword(u.username), "reset")),
                  },
                  t("users.resetPassword"),
                ),
              ),
          },
        ],
        users,
        { caption: t("users.count", { count: users.length }) },
      ),
    );
  };

  const form = h(
    "form",
    { class: "row", "data-testid": "add-user" },
    h(
      "label",
      {},
      t("users.username"),
      h("input", { name: "username", required: true, pattern: "[A-Za-z0-9._@-]{1,64}", autocomplete: "off" }),
    ),
    h(
      "label",
      {},
      t("users.role"),
      select(
        "role",
        [
          ["investigator", t("users.role.investigator")],
          ["admin", t("users.role.admin")],
        ],
        "investigator",
      ),
    ),
    h(
      "label",
      {},
      t("users.password"),
      h("input", {
        name: "password",
        type: "password",
        minlength: 12,
        autocomplete: "new-password",
        placeholder: t("users.passwordPlaceholder"),
      }),
    ),
    h("button", { type: "submit" }, t("users.add")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    void act(async () => {
      const c = await api.addUser({
        username: String(data.get("username") ?? "").trim(),
        roles: [String(data.get("role"))],
        ...(password ? { password } : {}),
      });
      form.reset();
      return handOver(c, "added");
    });
  });

  container.replaceChildren(
    panel(t("users.heading"), note(t("users.note")), form, out),
    panel(t("users.title"), listPanel),
  );
  try {
    await refresh();
  } catch (e) {
    listPanel.replaceChildren(errorBox(e));
  }
};
