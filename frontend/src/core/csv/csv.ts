/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet, by the rule the server's exports follow
 * (`web.SpreadsheetSafe`, docs/hardening.md): every text cell, ids included, starting with `=`, `+`, `-`, `@`, a tab,
 * a carriage return or `'` gets one more `'` in front, so it is shown, never run as a formula. Reversible: drop one
 * leading `'` to get the exact value back ({@link original}). Numbers are written as numbers.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((_, i) => cell(row[i])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** One cell's text, made formula-safe. Objects (nodes, lists) are written as JSON. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** What {@link cell} was given, from a parsed cell it wrote: one leading `'` dropped when there is one. */
export function original(written: string): string {
  return written.startsWith("'") ? written.slice(1) : written;
}
