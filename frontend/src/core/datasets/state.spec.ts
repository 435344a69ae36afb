import { describe, expect, it } from "vitest";
import { answering, unreachable } from "../../test/fakeFetch";
import { EMPTY_MESSAGE } from "./format";
import { loadDatasets, stateFromPage } from "./state";

describe("stateFromPage", () => {
  it("is empty when there is no dataset", () => {
    expect(stateFromPage({ items: [], total: 0 })).toEqual({ kind: "empty" });
  });
});

describe("loadDatasets", () => {
  it("turns a list into rows and a summary", async () => {
    const body = {
      items: [{ name: "demo", source: "infoops", importedAt: "2026-01-02T03:04:05Z", accounts: 12345, tweets: 456 }],
      total: 1,
    };
    expect(await loadDatasets(answering(body), "en-US")).toEqual({
      kind: "loaded",
      rows: [
        { name: "demo", source: "infoops", importedAt: "2026-01-02 03:04 UTC", accounts: "12,345", tweets: "456" },
      ],
      summary: "1 dataset · 12,345 accounts · 456 tweets",
    });
  });

  it("is empty for an empty list", async () => {
    expect(await loadDatasets(answering({ items: [], total: 0 }))).toEqual({ kind: "empty" });
  });

  it("explains an unreachable server", async () => {
    const state = await loadDatasets(unreachable);
    expect(state.kind).toBe("error");
    expect(state.kind === "error" && state.message).toContain("Cannot reach the CoordScope server (/api/datasets)");
  });

  it("explains an HTTP failure", async () => {
    const state = await loadDatasets(answering({ error: "Internal Server Error" }, 500));
    expect(state).toEqual({ kind: "error", message: expect.stringContaining("HTTP 500") });
  });

  it("explains an answer of the wrong shape", async () => {
    const state = await loadDatasets(answering([{ name: "demo" }]));
    expect(state).toEqual({ kind: "error", message: expect.stringContaining("(expected an object)") });
  });
});

describe("EMPTY_MESSAGE", () => {
  it("tells how to import a dataset", () => {
    expect(EMPTY_MESSAGE).toBe("No dataset yet: import one with `java -jar backend/target/coordscope.jar import ...`");
  });
});
