/** A run of message text; `code` runs are commands a person may copy. */
export interface Segment {
  text: string;
  code: boolean;
}

/**
 * Splits a message on backticks into plain and code runs:
 * "run `mvn install` now" → [plain "run ", code "mvn install", plain " now"].
 * An unmatched backtick is kept as plain text; empty runs are dropped.
 */
export function splitCode(message: string): Segment[] {
  const parts = message.split("`");
  if (parts.length % 2 === 0) {
    // odd number of backticks: keep the last one literally
    const last = parts.pop() ?? "";
    parts[parts.length - 1] += "`" + last;
  }
  return parts.map((text, i) => ({ text, code: i % 2 === 1 })).filter((s) => s.text !== "");
}
