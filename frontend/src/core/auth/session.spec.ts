import { describe, expect, it } from "vitest";
import { describeUser, isAdmin, signOut } from "./session";

describe("session", () => {
  it("knows admins by their role", () => {
    expect(isAdmin({ username: "a", roles: ["admin"] })).toBe(true);
    expect(isAdmin({ username: "i", roles: ["investigator"] })).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it("names the user with the roles", () => {
    expect(describeUser({ username: "ivy", roles: ["investigator"] })).toBe("ivy (investigator)");
  });

  it("signs out with a POST and then goes to the sign-in page, even when the server is gone", async () => {
    const calls: { url: string; method: string | undefined }[] = [];
    const went: string[] = [];
    await signOut(
      async (url, init) => {
        calls.push({ url, method: init?.method });
        return new Response(null, { status: 302 });
      },
      (u) => went.push(u),
    );
    expect(calls).toEqual([
      { url: "/api/csrf", method: undefined },
      { url: "/logout", method: "POST" },
    ]);
    await signOut(
      async () => {
        throw new TypeError("Failed to fetch");
      },
      (u) => went.push(u),
    ).catch(() => undefined);
    expect(went).toEqual(["/login?logout", "/login?logout"]);
  });
});
