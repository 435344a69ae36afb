import { afterEach, describe, expect, it } from "vitest";
import { direction, language, rememberedLanguage, setLanguage, t } from "./i18n";
import { en, fa } from "./messages";

function memoryStore(): { getItem(k: string): string | null; setItem(k: string, v: string): void } {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe("message catalogue", () => {
  afterEach(() => setLanguage("en"));

  it("has a Persian text for every English key, none empty, none left in English", () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(fa)) {
      expect(text.trim(), key).not.toBe("");
      // every Persian message has Persian letters (a copy of the English one would not)
      expect(/[\u0600-\u06FF]/.test(text), `${key}: ${text}`).toBe(true);
    }
  });

  it("keeps the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(fa[key]), key).toEqual(names(en[key]));
  });

  it("fills placeholders and switches language", () => {
    expect(t("clusters.range", { from: 1, to: 50, total: 120 })).toBe("1–50 of 120 clusters");
    setLanguage("fa");
    expect(t("nav.clusters")).toBe("خوشه‌ها");
    expect(direction()).toBe("rtl");
    setLanguage("en");
    expect(direction()).toBe("ltr");
  });

  it("remembers the choice and ignores an unknown one", () => {
    const store = memoryStore();
    expect(rememberedLanguage(store)).toBe("en");
    setLanguage("fa", store);
    expect(language()).toBe("fa");
    expect(rememberedLanguage(store)).toBe("fa");
    store.setItem("coordscope.language", "xx");
    expect(rememberedLanguage(store)).toBe("en");
  });
});
