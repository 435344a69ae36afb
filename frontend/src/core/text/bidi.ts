/**
 * Bidirectional text: user text (names, posts, hashtags, quoted snippets) can be in any script, and Persian or
 * Arabic inside English is reordered by the Unicode bidi algorithm unless each piece is isolated. These pure
 * helpers decide what to isolate; `components/bidiText.ts` turns the pieces into `<bdi>` elements, and canvas
 * labels (which have no elements) use the isolate characters below.
 */

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the text takes the direction of its first strong letter. */
export const FSI = "\u2068";
export const LRI = "\u2066";
export const RLI = "\u2067";
export const PDI = "\u2069";

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements and presentation forms.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/**
 * The direction `dir="auto"` gives `text`: that of its first strong letter (right-to-left scripts, or Latin,
 * Greek and Cyrillic), `fallback` when it has none.
 */
export function firstStrongDir(text: string, fallback: "ltr" | "rtl"): "ltr" | "rtl" {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return "rtl";
    if (LTR_LETTER.test(ch)) return "ltr";
  }
  return fallback;
}

/** Whether `text` holds a right-to-left letter. */
export function hasRtl(text: string): boolean {
  return RTL_LETTER.test(text);
}

/** `text` as one isolated unit for plain-text places (canvas labels, titles, the clipboard). */
export function isolate(text: string): string {
  return FSI + text + PDI;
}

/** A hashtag written as `#word` (a leading '#' dropped first, so tags stored with or without it agree). */
export function hashtagWord(tag: string): string {
  return tag.startsWith("#") ? tag.slice(1) : tag;
}

/**
 * A hashtag for plain-text places: the sign and the word isolated together in the surrounding direction
 * (`ltr` for the English UI), the word isolated inside, so `#ایران_قوی` keeps its '#' on the left in English
 * instead of showing `ایران_قوی#`.
 */
export function isolatedHashtag(tag: string, uiDir: "ltr" | "rtl" = "ltr"): string {
  return isolatedSigned("#", hashtagWord(tag), uiDir);
}

/** An account's label for plain-text places (graph labels): `@screenName` kept whole like a hashtag, or the id. */
export function accountLabel(screenName: string | null | undefined, id: string, uiDir: "ltr" | "rtl" = "ltr"): string {
  return screenName ? isolatedSigned("@", screenName, uiDir) : isolate(id);
}

function isolatedSigned(sign: string, word: string, uiDir: "ltr" | "rtl"): string {
  return (uiDir === "rtl" ? RLI : LRI) + sign + FSI + word + PDI + PDI;
}

/** A run of text: the UI's own words (`plain`), user text to isolate (`text`), or a hashtag (`hashtag`, with '#'). */
export interface BidiSegment {
  text: string;
  kind: "plain" | "text" | "hashtag";
}

/**
 * Splits a message (e.g. a detection reason) into the UI's own words and pieces to isolate: each double-quoted
 * snippet (quotes kept outside the isolate) and each run of words holding right-to-left letters (with the
 * neutral characters between them), so `shared "سلام دنیا" and #ایران_قوی by 3 members` keeps its English
 * order and each Persian piece reads right to left.
 */
export function bidiSegments(message: string): BidiSegment[] {
  const out: BidiSegment[] = [];
  const push = (text: string, kind: BidiSegment["kind"]) => {
    if (text === "") return;
    const last = out[out.length - 1];
    if (last && kind === "plain" && last.kind === "plain") last.text += text;
    else out.push({ text, kind });
  };
  const quoted = /"([^"]*)"/g;
  let at = 0;
  for (let m = quoted.exec(message); m !== null; m = quoted.exec(message)) {
    splitRtlRuns(message.slice(at, m.index), push);
    push('"', "plain");
    const snippet = m[1] ?? "";
    push(snippet, /^#[^\s#]+$/u.test(snippet) ? "hashtag" : "text");
    push('"', "plain");
    at = m.index + m[0].length;
  }
  splitRtlRuns(message.slice(at), push);
  return out;
}

/** Pushes `text` as plain runs and isolated runs of consecutive words (split on spaces) holding RTL letters. */
function splitRtlRuns(text: string, push: (text: string, kind: BidiSegment["kind"]) => void): void {
  const tokens = text.split(/(\s+)/); // words at even indexes, the spaces between at odd ones
  let run = "";
  let pendingSpace = "";
  const endRun = () => {
    if (run) push(run, "text");
    push(pendingSpace, "plain");
    run = "";
    pendingSpace = "";
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (i % 2 === 1) {
      if (run) pendingSpace = token;
      else push(token, "plain");
      continue;
    }
    const { lead, core, trail } = trimPunctuation(token);
    if (core.startsWith("#") && core.length > 1) {
      endRun();
      push(lead, "plain");
      push(core, "hashtag");
      push(trail, "plain");
    } else if (hasRtl(core)) {
      if (run && lead === "") {
        run += pendingSpace + core;
        pendingSpace = "";
      } else {
        endRun();
        push(lead, "plain");
        run = core;
      }
      if (trail) {
        endRun();
        push(trail, "plain");
      }
    } else {
      endRun();
      push(token, "plain");
    }
  }
  endRun();
}

/** A token's leading and trailing English punctuation (kept outside the isolate: "(", ",", ";", ")", ":"). */
function trimPunctuation(token: string): { lead: string; core: string; trail: string } {
  const m = /^([(\[]*)(.*?)([),;:.\]]*)$/u.exec(token);
  return { lead: m?.[1] ?? "", core: m?.[2] ?? token, trail: m?.[3] ?? "" };
}
