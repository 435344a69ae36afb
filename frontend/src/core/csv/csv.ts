/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet: a free-text cell starting with `=`, `+`, `-` or
 * `@` (or a tab or carriage return) is prefixed with `'`, so it is shown, never run as a formula. Only free text
 * (screen and display names, descriptions, texts, reasons, notes): ids such as `+Ab/cd==` or `-123` stay exact,
 * so {@link toCsv} neutralises only the columns {@link isFreeText} names. Numbers are written as numbers.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const free = columns.map(isFreeText);
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((_, i) => cell(row[i], free[i])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

const FREE_TEXT = /(names?|descriptions?|texts?|reasons?|notes?|titles?|labels?|locations?|bio|messages?|actor|details)$/i;

/** A column of free text (e.g. `screenName`, `a.description`, `mark_note`), as opposed to ids, URLs and numbers. */
export function isFreeText(column: string): boolean {
  return FREE_TEXT.test(column.replace(/[^A-Za-z0-9]+$/, ""));
}

/** One cell's text; `freeText` cells are made formula-safe. Objects (nodes, lists) are written as JSON. */
export function cell(value: unknown, freeText = true): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const safe = freeText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
