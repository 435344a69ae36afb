import { afterEach, describe, expect, it } from "vitest";
import { answering } from "../../test/fakeFetch";
import { ApiError } from "./errors";
import { csrfHeaders, forgetCsrfToken, onUnauthorized, sendJson, type FetchFn } from "./http";

/** A fetch that records the headers it was sent and answers `status`. */
function recordingHeaders(status = 200): { fetchFn: FetchFn; headers: Record<string, string>[] } {
  const headers: Record<string, string>[] = [];
  const inner = answering({ ok: true }, status);
  return {
    headers,
    fetchFn: (url, init) => {
      headers.push({ ...(init?.headers as Record<string, string>) });
      return inner(url, init);
    },
  };
}

const TOKEN = "tok+en";

describe("the CSRF header", () => {
  afterEach(() => forgetCsrfToken());

  it("goes with every state-changing method", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(await csrfHeaders(method, TOKEN)).toEqual({ "X-XSRF-TOKEN": "tok+en" });
    }
  });

  it("stays off safe methods and when the server gives no token", async () => {
    expect(await csrfHeaders("GET", TOKEN)).toEqual({});
    expect(await csrfHeaders("HEAD", TOKEN)).toEqual({});
    expect(await csrfHeaders("POST", undefined, answering({ status: 401 }, 401))).toEqual({});
  });

  it("comes from the session (GET /api/csrf, asked once), never from a cookie", async () => {
    const asked: string[] = [];
    const fetchFn: FetchFn = async (url) => {
      asked.push(url);
      return new Response(JSON.stringify({ headerName: "X-XSRF-TOKEN", token: "from-session" }), { status: 200 });
    };
    const g = globalThis as { document?: unknown };
    const saved = g.document;
    g.document = { cookie: "XSRF-TOKEN=planted" };
    try {
      expect(await csrfHeaders("POST", undefined, fetchFn)).toEqual({ "X-XSRF-TOKEN": "from-session" });
      expect(await csrfHeaders("DELETE", undefined, fetchFn)).toEqual({ "X-XSRF-TOKEN": "from-session" });
    } finally {
      g.document = saved;
    }
    expect(asked).toEqual(["/api/csrf"]);
  });

  it("is asked for again after the server refuses a write (the session changed)", async () => {
    let n = 0;
    const fetchFn: FetchFn = async (url) => {
      if (url === "/api/csrf") return new Response(JSON.stringify({ token: `t${++n}` }), { status: 200 });
      return new Response(JSON.stringify({ status: 403, detail: "needs the CSRF token" }), { status: 403 });
    };
    await sendJson("/api/marks", { method: "PUT", body: {}, fetchFn }).catch(() => undefined);
    expect(await csrfHeaders("POST", undefined, fetchFn)).toEqual({ "X-XSRF-TOKEN": "t2" });
  });

  it("is sent by sendJson on a POST with a JSON body, and not on a GET", async () => {
    const { fetchFn, headers } = recordingHeaders();
    await sendJson("/api/queries/q/run", { method: "POST", body: { params: {} }, fetchFn, csrfToken: TOKEN });
    await sendJson("/api/clusters", { fetchFn, csrfToken: TOKEN });
    expect(headers[0]).toEqual({
      Accept: "application/json",
      "Content-Type": "application/json",
      "X-XSRF-TOKEN": "tok+en",
    });
    expect(headers[1]).toEqual({ Accept: "application/json" });
  });

  it("is sent with a multipart upload and a DELETE", async () => {
    const { fetchFn, headers } = recordingHeaders();
    await sendJson("/api/imports", { method: "POST", body: new FormData(), fetchFn, csrfToken: TOKEN });
    await sendJson("/api/marks", { method: "DELETE", fetchFn, csrfToken: TOKEN });
    expect(headers.map((h) => h["X-XSRF-TOKEN"])).toEqual(["tok+en", "tok+en"]);
    expect(headers[0]?.["Content-Type"]).toBeUndefined(); // the browser sets the multipart boundary
  });
});

describe("a 401", () => {
  let restore: ((url: string) => void) | undefined;
  afterEach(() => {
    if (restore) onUnauthorized(restore);
  });

  it("sends the browser to the sign-in page and still fails the call", async () => {
    const sent: string[] = [];
    restore = onUnauthorized((url) => sent.push(url));
    const problem = { status: 401, detail: "Sign in first." };
    const error = await sendJson("/api/clusters", { fetchFn: answering(problem, 401) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).failure).toMatchObject({ kind: "http", status: 401 });
    expect(sent).toEqual(["/api/clusters"]);
  });

  it("is the only status that does (403 is a refusal to show, not a lost session)", async () => {
    const sent: string[] = [];
    restore = onUnauthorized((url) => sent.push(url));
    await sendJson("/api/admin/users", {
      fetchFn: answering({ status: 403, detail: "needs the admin role" }, 403),
    }).catch(() => undefined);
    await sendJson("/api/clusters", { fetchFn: answering({ items: [] }) });
    expect(sent).toEqual([]);
  });

  it("by default assigns the login page to the location", async () => {
    const assigned: string[] = [];
    const g = globalThis as { location?: unknown };
    const saved = g.location;
    g.location = { assign: (u: string) => assigned.push(u) };
    try {
      await sendJson("/api/me", { fetchFn: answering({ status: 401 }, 401) }).catch(() => undefined);
    } finally {
      g.location = saved;
    }
    expect(assigned).toEqual(["/login"]);
  });
});
