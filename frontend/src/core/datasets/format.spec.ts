import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { buildRows, formatCount, formatInstant, MISSING, parseDatasetPage, summarize } from "./format";
import type { Dataset } from "./types";

const demo: Dataset = {
  name: "demo",
  source: "infoops",
  importedAt: "2026-03-01T09:05:00Z",
  accounts: 1234,
  tweets: 1234567,
};
const older: Dataset = {
  name: "older",
  source: "twarc2",
  importedAt: "2025-12-24T23:59:59+02:00",
  accounts: 1,
  tweets: 0,
};

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [-45678, "-45,678"],
    [12.6, "13"],
  ])("formats %d as %s in en-US", (value, expected) => {
    expect(formatCount(value, "en-US")).toBe(expected);
  });

  it("uses the locale's separator", () => {
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])("shows %s as missing", (value) => {
    expect(formatCount(value, "en-US")).toBe(MISSING);
  });
});

describe("formatInstant", () => {
  it("shows an instant in UTC to the minute", () => {
    expect(formatInstant("2026-03-01T09:05:42.123Z")).toBe("2026-03-01 09:05 UTC");
  });

  it("converts an offset to UTC, across midnight", () => {
    expect(formatInstant("2025-12-25T01:30:00+02:00")).toBe("2025-12-24 23:30 UTC");
  });

  it("shows unparseable text as given and nothing as missing", () => {
    expect(formatInstant("last Tuesday")).toBe("last Tuesday");
    expect(formatInstant(null)).toBe(MISSING);
    expect(formatInstant("  ")).toBe(MISSING);
  });
});

describe("buildRows", () => {
  it("formats every cell", () => {
    expect(buildRows([demo], "en-US")).toEqual([
      { name: "demo", source: "infoops", importedAt: "2026-03-01 09:05 UTC", accounts: "1,234", tweets: "1,234,567" },
    ]);
  });

  it("puts the newest import first, then sorts by name, undated last", () => {
    const undated: Dataset = { ...older, name: "aaa-undated", importedAt: null };
    const twin: Dataset = { ...demo, name: "beta" };
    const rows = buildRows([older, undated, twin, demo], "en-US");
    expect(rows.map((r) => r.name)).toEqual(["beta", "demo", "older", "aaa-undated"]);
  });

  it("shows what the server did not give as missing", () => {
    const [row] = buildRows([{ name: "x", source: "", importedAt: null, accounts: null, tweets: null }]);
    expect(row).toEqual({ name: "x", source: MISSING, importedAt: MISSING, accounts: MISSING, tweets: MISSING });
  });

  it("does not reorder its input", () => {
    const input = [older, demo];
    buildRows(input);
    expect(input).toEqual([older, demo]);
  });
});

describe("summarize", () => {
  it("adds up accounts and tweets", () => {
    expect(summarize({ items: [demo, older], total: 2 }, "en-US")).toBe(
      "2 datasets · 1,235 accounts · 1,234,567 tweets",
    );
  });

  it("uses the singular for one", () => {
    expect(summarize({ items: [older], total: 1 }, "en-US")).toBe("1 dataset · 1 account · 0 tweets");
  });

  it("says when only part of the list is shown", () => {
    expect(summarize({ items: [older], total: 1500 }, "en-US")).toBe(
      "showing 1 of 1,500 datasets · 1 account · 0 tweets",
    );
  });
});

describe("parseDatasetPage", () => {
  it("reads the documented shape", () => {
    const body = {
      items: [{ name: "demo", source: "infoops", importedAt: "2026-01-02T03:04:05Z", accounts: 123, tweets: 456 }],
      total: 1,
    };
    expect(parseDatasetPage(body)).toEqual(body);
  });

  it("fills in what is missing and falls back to the item count for total", () => {
    expect(parseDatasetPage({ items: [{ name: "bare", accounts: "12" }] })).toEqual({
      items: [{ name: "bare", source: "", importedAt: null, accounts: null, tweets: null }],
      total: 1,
    });
  });

  it.each([
    [null, "expected an object"],
    [[], "expected an object"],
    [{ total: 0 }, "no items list"],
    [{ items: [42] }, "item 0 is not an object"],
    [{ items: [{ name: "ok" }, { source: "x" }] }, "item 1 has no name"],
  ])("rejects %j: %s", (body, detail) => {
    expect(() => parseDatasetPage(body)).toThrow(ApiError);
    try {
      parseDatasetPage(body);
    } catch (e) {
      expect((e as ApiError).failure).toEqual({ kind: "bad-shape", url: "/api/datasets", detail });
    }
  });
});
