import { ApiError } from "../api/errors";
import { isObject } from "../api/http";
import type { Dataset, DatasetPage, DatasetRow } from "./types";

export const DATASETS_URL = "/api/datasets";

export const EMPTY_MESSAGE = "No dataset yet: import one with `java -jar backend/target/coordscope.jar import ...`";

/** Placeholder for a value the server did not give. */
export const MISSING = "—";

/**
 * Formats a count with the locale's thousands separators (1234567 → "1,234,567" in en-US).
 * Counts are whole numbers: fractions are rounded. Missing or non-finite values give {@link MISSING}.
 */
export function formatCount(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return MISSING;
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value));
}

/**
 * Formats an ISO-8601 instant as "YYYY-MM-DD HH:MM UTC". Investigators compare times across
 * sources and time zones, so the UI shows UTC always. Unparseable text is shown as given.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso.trim() === "") {
    return MISSING;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const text = date.toISOString(); // 2026-01-31T12:34:56.789Z
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** Builds the display rows, newest import first, then by name. */
export function buildRows(items: readonly Dataset[], locale?: string): DatasetRow[] {
  return [...items]
    .sort((a, b) => importedTime(b) - importedTime(a) || a.name.localeCompare(b.name))
    .map((d) => ({
      name: d.name,
      source: d.source === "" ? MISSING : d.source,
      importedAt: formatInstant(d.importedAt),
      accounts: formatCount(d.accounts, locale),
      tweets: formatCount(d.tweets, locale),
    }));
}

function importedTime(d: Dataset): number {
  const t = d.importedAt === null ? Number.NaN : Date.parse(d.importedAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** One line under the table: "2 datasets · 1,234 accounts · 5,678 tweets" (and "showing n of m" when paged). */
export function summarize(page: DatasetPage, locale?: string): string {
  const shown = page.items.length;
  const sum = (pick: (d: Dataset) => number | null) => page.items.reduce((acc, d) => acc + (pick(d) ?? 0), 0);
  const parts = [
    shown < page.total
      ? `showing ${formatCount(shown, locale)} of ${formatCount(page.total, locale)} datasets`
      : plural(page.total, "dataset", locale),
    plural(
      sum((d) => d.accounts),
      "account",
      locale,
    ),
    plural(
      sum((d) => d.tweets),
      "tweet",
      locale,
    ),
  ];
  return parts.join(" · ");
}

function plural(n: number, noun: string, locale?: string): string {
  return `${formatCount(n, locale)} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * Checks that a `GET /api/datasets` body has the documented shape and returns it typed.
 * Throws an {@link ApiError} of kind "bad-shape" naming the first problem found.
 */
export function parseDatasetPage(body: unknown, url: string = DATASETS_URL): DatasetPage {
  const fail = (detail: string): never => {
    throw new ApiError({ kind: "bad-shape", url, detail });
  };
  if (!isObject(body)) return fail("expected an object");
  const items = body["items"];
  if (!Array.isArray(items)) return fail("no items list");
  const datasets = items.map((item: unknown, i): Dataset => {
    if (!isObject(item)) return fail(`item ${i} is not an object`);
    const name = item["name"];
    if (typeof name !== "string" || name === "") return fail(`item ${i} has no name`);
    return {
      name,
      source: typeof item["source"] === "string" ? item["source"] : "",
      importedAt: typeof item["importedAt"] === "string" ? item["importedAt"] : null,
      accounts: optionalNumber(item["accounts"]),
      tweets: optionalNumber(item["tweets"]),
    };
  });
  const total = body["total"];
  return { items: datasets, total: typeof total === "number" && total >= datasets.length ? total : datasets.length };
}

function optionalNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
