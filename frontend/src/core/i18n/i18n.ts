import { en, fa, type MessageKey } from "./messages";

export type Language = "en" | "fa";

export const LANGUAGES: readonly { code: Language; name: string; dir: "ltr" | "rtl" }[] = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "fa", name: "فارسی", dir: "rtl" },
];

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fa };
const STORAGE_KEY = "coordscope.language";

/** Where the choice is remembered (localStorage in the browser; a map in tests). */
export interface LanguageStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let current: Language = "en";

function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.some((l) => l.code === code);
}

/** The remembered language, else English. */
export function rememberedLanguage(store: LanguageStore | undefined): Language {
  const saved = store?.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : "en";
}

export function setLanguage(code: Language, store?: LanguageStore): void {
  current = code;
  store?.setItem(STORAGE_KEY, code);
}

export function language(): Language {
  return current;
}

export function direction(code: Language = current): "ltr" | "rtl" {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? "ltr";
}

/** The words for `key` in the current language, `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUES[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Numbers in the current language's digits and separators (Persian digits for Persian). */
export function numberLocale(): string {
  return current === "fa" ? "fa-IR" : "en-GB";
}
