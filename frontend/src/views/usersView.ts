import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { Credentials, UserInfo } from "../core/api/types";
import { errorBox, h, note, panel, select, table, when } from "../components/dom";
import type { View } from "./view";

/** A generated password, shown this once with whom it belongs to. */
function handOver(c: Credentials, what: string): HTMLElement {
  if (!c.password) return note(`${what} ${c.user.username}.`);
  return h(
    "p",
    { class: "note", "data-testid": "generated-password" },
    `${what} ${c.user.username}. Generated password (shown only now; hand it over safely): `,
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
          { label: "user", cell: (u) => u.username },
          { label: "roles", cell: (u) => u.roles.join(", ") },
          { label: "enabled", cell: (u) => (u.enabled ? "yes" : "no") },
          { label: "created", cell: (u) => when(u.createdAt) },
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
                        return note(`${changed.enabled ? "Enabled" : "Disabled"} ${changed.username}.`);
                      }),
                  },
                  u.enabled ? "disable" : "enable",
                ),
                h(
                  "button",
                  {
                    type: "button",
                    class: "small",
                    onclick: () =>
                      act(async () => handOver(await api.resetPassword(u.username), "Reset the password of")),
                  },
                  "reset password",
                ),
              ),
          },
        ],
        users,
        { caption: `${users.length} users` },
      ),
    );
  };

  const form = h(
    "form",
    { class: "row", "data-testid": "add-user" },
    h(
      "label",
      {},
      "User name ",
      h("input", { name: "username", required: true, pattern: "[A-Za-z0-9._@-]{1,64}", autocomplete: "off" }),
    ),
    h(
      "label",
      {},
      "Role ",
      select(
        "role",
        [
          ["investigator", "investigator (explore, queries, export)"],
          ["admin", "admin (also import, detect, users)"],
        ],
        "investigator",
      ),
    ),
    h(
      "label",
      {},
      "Password ",
      h("input", {
        name: "password",
        type: "password",
        minlength: 12,
        autocomplete: "new-password",
        placeholder: "leave empty to generate",
      }),
    ),
    h("button", { type: "submit" }, "Add user"),
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
      return handOver(c, "Added");
    });
  });

  container.replaceChildren(
    panel(
      "Users",
      note(
        "Investigators explore, run saved queries, export and mark suspects; admins also import, detect and manage users. Disabled users cannot sign in.",
      ),
      form,
      out,
    ),
    panel(t("users.title"), listPanel),
  );
  try {
    await refresh();
  } catch (e) {
    listPanel.replaceChildren(errorBox(e));
  }
};
