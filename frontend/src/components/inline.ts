import { splitCode } from "../core/text/inlineCode";

/** Appends a message to `parent`, with its `code` runs as <code> elements. Never parses HTML. */
export function appendMessage(parent: HTMLElement, message: string): void {
  for (const segment of splitCode(message)) {
    if (segment.code) {
      const code = document.createElement("code");
      code.textContent = segment.text;
      parent.append(code);
    } else {
      parent.append(segment.text);
    }
  }
}
