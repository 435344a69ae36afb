import { t } from "../i18n/i18n";
import { en, type MessageKey } from "../i18n/messages";

/** An instant to the second, in UTC (evidence is about seconds): "2021-03-01 10:00:07 UTC"; unparseable text as given. */
export function exactInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}

/** A gap between two actions for people: "7 s", "1 min 30 s", "2 h 5 min", "3 d 4 h" (in the UI's language). */
export function gapText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.round(Math.abs(seconds));
  const two = (big: string, small: number, smallText: string) => (small ? `${big} ${smallText}` : big);
  if (s < 60) return t("gap.s", { s });
  if (s < 3600) return two(t("gap.min", { m: Math.floor(s / 60) }), s % 60, t("gap.s", { s: s % 60 }));
  if (s < 86400) {
    const m = Math.floor((s % 3600) / 60);
    return two(t("gap.h", { h: Math.floor(s / 3600) }), m, t("gap.min", { m }));
  }
  const hours = Math.floor((s % 86400) / 3600);
  return two(t("gap.d", { d: Math.floor(s / 86400) }), hours, t("gap.h", { h: hours }));
}

/** What a signal's shared object is, in words: "retweeted the same tweet", "used the same hashtag". */
export function sharedWhat(signal: string): string {
  const key = `shared.${signal}`;
  return key in en ? t(key as MessageKey) : t("shared.other", { signal });
}
