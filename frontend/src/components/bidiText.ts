import { bidiSegments, firstStrongDir, hashtagWord } from "../core/text/bidi";
import { platformName } from "../core/text/platform";

/** The UI's own direction (English: ltr), which a hashtag's sign follows. */
function uiDir(): "ltr" | "rtl" {
  return document.documentElement.dir === "rtl" ? "rtl" : "ltr";
}

/** User text (a name, a post, an object) isolated from the English around it; its direction from its first letter. */
export function bdi(text: string | null | undefined, className?: string): HTMLElement {
  const el = document.createElement("bdi");
  if (className) el.className = className;
  el.textContent = text ?? "";
  return el;
}

/**
 * A sign and a word as one unit in `dir` (default the UI's; the sign on the word's outer side), the word isolated
 * inside.
 */
function signed(sign: string, word: string, className: string, dir: "ltr" | "rtl" = uiDir()): HTMLElement {
  const unit = document.createElement("bdi");
  unit.className = className;
  unit.dir = dir;
  unit.append(sign, bdi(word));
  return unit;
}

/**
 * `#word`, built as one isolated unit so `#ایران_قوی` does not show as `ایران_قوی#` in English; `dir` is the
 * direction of the text around it (default the UI's).
 */
export function hashtag(tag: string, dir?: "ltr" | "rtl"): HTMLElement {
  return signed("#", hashtagWord(tag), "hashtag", dir);
}

/** `@screenName`, or the bare id when the account has no screen name. */
export function handle(screenName: string | null | undefined, id: string): HTMLElement {
  return screenName ? signed("@", screenName, "handle") : bdi(id, "account-id");
}

/**
 * A message mixing words with user text (a reason quoting snippets, a cluster's name): isolated as a whole with its
 * own direction (the server's English reasons stay left to right in the Persian layout, brackets and all), and each
 * user piece inside isolated again.
 */
export function richText(message: string): HTMLElement {
  const span = document.createElement("span");
  span.dir = "auto";
  // the message's own direction (what dir=auto gives it), which its hashtags' signs follow
  const dir = firstStrongDir(message, uiDir());
  for (const s of bidiSegments(message)) {
    if (s.kind === "plain") span.append(s.text);
    else if (s.kind === "hashtag") span.append(hashtag(s.text, dir));
    else span.append(bdi(s.text));
  }
  return span;
}

/** A shared object as a person reads it: hashtags with their sign, anything else isolated. */
export function sharedObject(kind: string, object: string): HTMLElement {
  return kind === "co-hashtag" ? hashtag(object) : bdi(object, "object");
}

/** Which platform an account or a post is on, as a small badge ("Telegram", "Twitter"). */
export function platformBadge(platform: string | null | undefined): HTMLElement {
  const el = document.createElement("span");
  el.className = `badge platform platform-${platform ?? "unknown"}`;
  el.dataset["testid"] = "platform";
  el.dataset["platform"] = platform ?? "";
  el.textContent = platformName(platform);
  return el;
}
