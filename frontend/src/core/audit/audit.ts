import type { AuditQuery } from "../api/client";
import type { AuditEntry } from "../api/types";

/** The actions the audit trail records (docs/hardening.md), offered as filters; a prefix such as `export` matches all of its kind. */
export const AUDIT_ACTIONS = [
  "query",
  "query.run",
  "query.cypher",
  "export",
  "export.suspects",
  "export.evidence",
  "export.graph",
  "export.audit",
  "import",
  "detect",
  "run.delete",
  "dataset.delete",
  "mark",
  "mark.set",
  "mark.remove",
  "allowlist",
  "allowlist.add",
  "allowlist.remove",
] as const;

/**
 * The audit query a route's parameters ask for. Dates from `<input type="date">` (`2026-01-31`) are passed as they
 * are (the server reads a date as its midnight UTC); `to` is exclusive, so a `to` date is moved to the next day to
 * include the day chosen.
 */
export function auditQuery(params: Record<string, string>, pageSize: number): AuditQuery {
  const q: AuditQuery = { page: Math.max(0, Number(params["page"] ?? 0) || 0), size: pageSize };
  if (params["actor"]) q.actor = params["actor"];
  if (params["action"]) q.action = params["action"];
  if (params["from"]) q.from = params["from"];
  if (params["to"]) q.to = nextDay(params["to"]);
  return q;
}

/** The day after an ISO date (`2026-02-28` → `2026-03-01`); anything else unchanged. */
export function nextDay(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One line for an entry's details: `key=value` pairs, lists and objects as JSON, long values cut. */
export function detailsText(entry: Pick<AuditEntry, "details">, max = 160): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry.details ?? {})) {
    if (value === null || value === undefined) continue;
    parts.push(`${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  }
  const text = parts.join(" ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Parses the console's parameters box: empty means none; otherwise a JSON object, or a message saying what is wrong. */
export function parseParams(text: string): { params: Record<string, unknown> } | { error: string } {
  if (text.trim() === "") return { params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Parameters must be JSON, e.g. {"dataset": "world"}: ${(e as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: 'Parameters must be a JSON object, e.g. {"dataset": "world"}.' };
  }
  return { params: value as Record<string, unknown> };
}
