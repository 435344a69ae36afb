/** A query's column name as a header people read: `firstAt` → "first at", `screen_name` → "screen name". */
export function humanLabel(column: string): string {
  return column
    .replace(/[_.]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/\b([A-Z])([a-z]+)/g, (_, first: string, rest: string) => first.toLowerCase() + rest)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A cell value as text: fractions rounded to three decimals (0.7623200727947579 → "0.762"), whole numbers as
 * they are (they may be ids), objects as JSON, nothing for null.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
