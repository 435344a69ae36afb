/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet: a text cell starting with `=`, `+`, `-` or
 * `@` (or a tab or carriage return) is prefixed with `'`, so it is shown, never run as a formula.
 * Numbers are written as numbers (a negative number is not text and is left alone).
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((_, i) => cell(row[i])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** One cell's text. Objects (nodes, lists) are written as JSON. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
