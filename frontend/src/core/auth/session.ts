import { csrfHeaders, LOGIN_URL, type FetchFn } from "../api/http";
import type { Me } from "../api/types";

export const ADMIN = "admin";

/** Whether the signed-in user may use the admin views (users, import, detection). */
export function isAdmin(me: Me | null | undefined): boolean {
  return me?.roles.includes(ADMIN) ?? false;
}

/** How the header names the user: `ivy (investigator)`. */
export function describeUser(me: Me): string {
  return me.roles.length === 0 ? me.username : `${me.username} (${me.roles.join(", ")})`;
}

/**
 * Signs out: `POST /logout` with the CSRF header (Spring Security ends the session and clears the token),
 * then the browser goes to the sign-in page, which says so.
 */
export async function signOut(
  fetchFn: FetchFn = (input, init) => fetch(input, init),
  go: (url: string) => void = (u) => location.assign(u),
): Promise<void> {
  try {
    await fetchFn("/logout", {
      method: "POST",
      headers: await csrfHeaders("POST", undefined, fetchFn),
      redirect: "manual",
    });
  } finally {
    go(`${LOGIN_URL}?logout`);
  }
}
