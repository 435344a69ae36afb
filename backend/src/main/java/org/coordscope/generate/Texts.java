package org.coordscope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Tweet texts and URLs. Organic texts come from a small grammar with enough slots that two people rarely
 * write the same line by chance (except the {@link Lexicon#COMMON_LINES} everybody writes); campaign texts
 * are a group's templates with small edits (words swapped, added, dropped or replaced, emoji, punctuation),
 * the near-duplicates that coordinated accounts post.
 */
final class Texts {

    private Texts() {}

    static String organic(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(140);
        boolean capital = true;
        if (Rand.chance(r, 0.22)) {
            String opener = Rand.pick(r, Lexicon.OPENERS);
            capital = opener.endsWith(":");
            sb.append(opener).append(capital || r.nextBoolean() ? " " : ", ");
        }
        sentence(sb, clause(r), r, capital);
        if (Rand.chance(r, 0.4)) {
            sb.append(' ');
            sentence(sb, clause(r), r, true);
        }
        if (Rand.chance(r, 0.3)) {
            sb.append(' ').append(Rand.pick(r, Lexicon.CLOSERS));
        }
        return sb.toString();
    }

    private static void sentence(StringBuilder sb, String clause, SplittableRandom r, boolean capital) {
        sb.append(capital ? capitalize(clause) : clause);
        if (!clause.endsWith("?")) {
            sb.append(r.nextInt(3) == 0 ? "!" : r.nextInt(3) == 0 ? "" : ".");
        }
    }

    static String clause(SplittableRandom r) {
        String n1 = Rand.pick(r, Lexicon.NOUNS);
        String n2 = Rand.pick(r, Lexicon.NOUNS);
        String adj = Rand.pick(r, Lexicon.ADJECTIVES);
        String time = Rand.pick(r, Lexicon.TIMES);
        return switch (r.nextInt(12)) {
            case 0 -> "the " + adj + " " + n1 + " " + Rand.pick(r, Lexicon.VERBS_PAST) + " my " + n2 + " " + time;
            case 1 -> "why is the " + n1 + " always so " + adj + "?";
            case 2 -> "just " + Rand.pick(r, Lexicon.VERBS_PAST) + " the " + adj + " " + n1 + " " + time;
            case 3 -> "nothing beats " + article(adj) + " " + n1 + " " + time;
            case 4 -> "is anyone else " + Rand.pick(r, Lexicon.VERBS_ING) + " the " + n1 + " " + time + "?";
            case 5 -> "my " + n1 + " is " + Rand.pick(r, Lexicon.ADVERBS) + " " + adj + " " + time;
            case 6 ->
                Rand.pick(r, Lexicon.FIRST_NAMES) + " " + Rand.pick(r, Lexicon.VERBS_PAST) + " the " + n1
                        + " and now the " + n2 + " is " + adj;
            case 7 -> "can we talk about how " + adj + " the " + n1 + " was " + time;
            case 8 ->
                "if the " + n1 + " is " + adj + " " + time + ", I'm " + Rand.pick(r, Lexicon.VERBS_ING) + " the " + n2;
            case 9 -> "the " + n1 + " near my " + n2 + " is " + Rand.pick(r, Lexicon.ADVERBS) + " " + adj + " " + time;
            case 10 -> Rand.pick(r, Lexicon.VERBS_PAST) + " " + article(adj) + " " + n1 + " " + time;
            default -> (2 + r.nextInt(8)) + " " + plural(n1) + " later and the " + n2 + " is still " + adj;
        };
    }

    static String headline(SplittableRandom r) {
        String object = switch (r.nextInt(6)) {
            case 0 -> "new " + Rand.pick(r, Lexicon.NOUNS) + " plan";
            case 1 -> "rising " + Rand.pick(r, Lexicon.NOUNS) + " costs";
            case 2 -> Rand.pick(r, Lexicon.ADJECTIVES) + " " + Rand.pick(r, Lexicon.NOUNS) + " rules";
            case 3 -> Rand.pick(r, Lexicon.NOUNS) + " shortage";
            case 4 -> "plans for " + Rand.pick(r, Lexicon.ADJECTIVES) + " " + Rand.pick(r, Lexicon.NOUNS);
            default -> Rand.pick(r, Lexicon.TOPICS) + " overhaul";
        };
        int subject = r.nextInt(Lexicon.HEADLINE_SUBJECTS.length);
        String verb = Rand.pick(r, Lexicon.HEADLINE_VERBS);
        if (subject >= Lexicon.HEADLINE_PLURAL_FROM) {
            int space = verb.indexOf(' ');
            String head = space < 0 ? verb : verb.substring(0, space);
            String rest = space < 0 ? "" : verb.substring(space);
            head = head.endsWith("ches") || head.endsWith("shes")
                    ? head.substring(0, head.length() - 2)
                    : head.substring(0, head.length() - 1);
            verb = head + rest;
        }
        String h = Lexicon.HEADLINE_SUBJECTS[subject] + " " + verb + " " + object;
        if (Rand.chance(r, 0.5)) {
            String tail = Rand.pick(r, Lexicon.HEADLINE_TAILS);
            h += tail.startsWith(":") ? tail : " " + tail;
        }
        return h;
    }

    static String official(SplittableRandom r) {
        return Rand.pick(r, Lexicon.OFFICIAL_LINES)
                .replace("{topic}", Rand.pick(r, Lexicon.TOPICS))
                .replace("{place}", Rand.pick(r, Lexicon.PLACES));
    }

    static String slug(String text) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "-").append(w);
            }
        }
        return sb.toString();
    }

    static String fill(String template, GroupPlan g, String target) {
        String s = template.replace("{T}", target)
                .replace("{topic}", g.topic)
                .replace("{place}", g.place)
                .replace("{slogan}", g.slogan);
        return capitalize(s);
    }

    /** The same text with {@code edits} small changes, the way copy-paste accounts vary a line. */
    static String edit(String text, SplittableRandom r, int edits) {
        List<String> w = new ArrayList<>(List.of(text.split(" ")));
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(7)) {
                case 0 -> {
                    if (w.size() > 3) {
                        int i = 1 + r.nextInt(w.size() - 2);
                        String t = w.get(i);
                        w.set(i, w.get(i + 1));
                        w.set(i + 1, t);
                    }
                }
                case 1 -> w.add(1 + r.nextInt(Math.max(1, w.size() - 1)), Rand.pick(r, Lexicon.FILLERS));
                case 2 -> {
                    if (w.size() > 6) {
                        w.remove(1 + r.nextInt(w.size() - 2));
                    }
                }
                case 3 -> {
                    boolean done = false;
                    for (int i = 0; i < w.size() && !done; i++) {
                        String lower = w.get(i).toLowerCase(Locale.ROOT);
                        for (String[] pair : Lexicon.SYNONYMS) {
                            if (lower.equals(pair[0]) && Rand.chance(r, 0.7)) {
                                w.set(i, pair[1]);
                                done = true;
                                break;
                            }
                        }
                    }
                    if (!done) {
                        w.add(Rand.pick(r, Lexicon.EMOJI));
                    }
                }
                case 4 -> w.add(Rand.pick(r, Lexicon.EMOJI));
                case 5 -> {
                    int last = w.size() - 1;
                    String t = w.get(last);
                    if (t.endsWith(":")) {
                        w.add(Rand.pick(r, Lexicon.EMOJI));
                    } else if (t.endsWith(".")) {
                        w.set(last, t.substring(0, t.length() - 1) + (r.nextBoolean() ? "!" : "!!"));
                    } else if (t.endsWith("!")) {
                        w.set(last, t + "!");
                    } else {
                        w.set(last, t + ".");
                    }
                }
                default -> {
                    // move the first sentence to the end
                    int cut = -1;
                    for (int i = 0; i < w.size() - 1; i++) {
                        String t = w.get(i);
                        if (t.endsWith(".") || t.endsWith("!") || t.endsWith(":")) {
                            cut = i;
                            break;
                        }
                    }
                    if (cut >= 0 && !w.get(cut).endsWith(":")) {
                        List<String> head = new ArrayList<>(w.subList(0, cut + 1));
                        List<String> rest = new ArrayList<>(w.subList(cut + 1, w.size()));
                        w = rest;
                        w.addAll(head);
                    } else {
                        w.add(Rand.pick(r, Lexicon.EMOJI));
                    }
                }
            }
        }
        return String.join(" ", w);
    }

    /** How many edits a campaign copy gets: sometimes none (identical copies), mostly one to three. */
    static int editCount(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.2 ? 0 : u < 0.55 ? 1 : u < 0.85 ? 2 : 3;
    }

    static String tco(SplittableRandom r) {
        return "https://t.co/" + Rand.alnum(r, 10);
    }

    /** A news URL as people paste it: sometimes with or without www., other case, http, tracking parameters. */
    static String newsVariant(String url, SplittableRandom r) {
        double u = r.nextDouble();
        if (u > 0.45) {
            return url;
        }
        String scheme = "https://";
        String rest = url.substring(scheme.length());
        int slash = rest.indexOf('/');
        String host = rest.substring(0, slash);
        String path = rest.substring(slash);
        if (Rand.chance(r, 0.3)) {
            host = host.startsWith("www.") ? host.substring(4) : "www." + host;
        }
        if (Rand.chance(r, 0.1)) {
            host = r.nextBoolean() ? host.toUpperCase(Locale.ROOT) : capitalizeLabels(host);
        }
        if (Rand.chance(r, 0.08)) {
            scheme = "http://";
        }
        if (Rand.chance(r, 0.55)) {
            path += (path.contains("?") ? "&" : "?") + tracking(r, null);
        }
        return scheme + host + path;
    }

    /** A campaign URL: the same page, mostly with share-specific tracking parameters. */
    static String campaignVariant(String url, SplittableRandom r, String code) {
        double u = r.nextDouble();
        String v = url;
        if (u < 0.6) {
            v = url + "?" + tracking(r, code);
        } else if (u < 0.7) {
            v = url + "?ref=" + Rand.pick(r, new String[] {"tw", "twitter", "share", "social"}) + "&s="
                    + Rand.alnum(r, 4);
        } else if (u < 0.8) {
            v = url.startsWith("https://www.")
                    ? "https://" + url.substring(12)
                    : url.replace("https://", "https://www.");
        } else if (u < 0.85) {
            v = url.replace("https://", "http://");
        }
        return v;
    }

    private static String tracking(SplittableRandom r, String campaign) {
        return switch (r.nextInt(campaign == null ? 4 : 3)) {
            case 0 ->
                "utm_source=" + Rand.pick(r, new String[] {"twitter", "tw", "social", "t.co"})
                        + "&utm_medium=" + Rand.pick(r, new String[] {"social", "share", "referral"})
                        + "&utm_campaign="
                        + (campaign != null ? campaign : Rand.alnum(r, 6).toLowerCase(Locale.ROOT));
            case 1 ->
                "utm_source=twitter&utm_campaign=" + (campaign != null ? campaign : "share") + "&utm_content="
                        + Rand.alnum(r, 6);
            case 2 ->
                "utm_medium=social&utm_source=twitter&utm_term="
                        + Rand.alnum(r, 5).toLowerCase(Locale.ROOT)
                        + (campaign != null ? "&utm_campaign=" + campaign : "");
            default -> "s=" + (r.nextBoolean() ? "20" : "09");
        };
    }

    /** A hashtag as typed: mostly as is, sometimes all lower or upper case. */
    static String tagVariant(String tag, SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.08 ? tag.toLowerCase(Locale.ROOT) : u < 0.1 ? tag.toUpperCase(Locale.ROOT) : tag;
    }

    /** Twitter escapes these three in tweet text. */
    static String htmlEscape(String s) {
        if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
            return s;
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Classic retweet text: {@code RT @author: text}, cut at 140 characters with an ellipsis. */
    static String retweetText(String screenName, String text) {
        String rt = "RT @" + screenName + ": " + text;
        if (rt.codePointCount(0, rt.length()) <= 140) {
            return rt;
        }
        int end = rt.offsetByCodePoints(0, 139);
        return rt.substring(0, end) + "…";
    }

    static String capitalize(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalizeLabels(String host) {
        StringBuilder sb = new StringBuilder(host.length());
        boolean start = true;
        for (char c : host.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == '.';
        }
        return sb.toString();
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private static String article(String adjective) {
        return ("aeiou".indexOf(adjective.charAt(0)) >= 0 ? "an " : "a ") + adjective;
    }

    /** A varied everyday Persian sentence: subject, predicate, time, closer. */
    static String persian(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(120);
        if (Rand.chance(r, 0.4)) {
            sb.append(Rand.pick(r, Lexicon.PERSIAN_TIMES)).append(' ');
        }
        sb.append(Rand.pick(r, Lexicon.PERSIAN_SUBJECTS)).append(' ').append(Rand.pick(r, Lexicon.PERSIAN_PREDICATES));
        if (Rand.chance(r, 0.5)) {
            sb.append(" و ").append(Rand.pick(r, Lexicon.PERSIAN_PREDICATES));
        }
        return sb.append(' ').append(Rand.pick(r, Lexicon.PERSIAN_CLOSERS)).toString();
    }

    private static final char ZWNJ = '\u200C';
    private static final String HARAKAT = "\u064E\u0650\u064F\u0651";

    /**
     * A Persian text as one keyboard types it (issue 14): an Arabic keyboard gives Arabic yeh and kaf (ي ك); the
     * zero-width non-joiner is kept, typed as a space or dropped; some writers add harakat or a tatweel; digits
     * come out Persian, Arabic-Indic or ASCII. One choice per text, as one person types it.
     */
    static String respell(String text, SplittableRandom r) {
        boolean arabicKeyboard = Rand.chance(r, 0.3);
        int zwnj = r.nextInt(3); // 0 kept, 1 space, 2 dropped
        boolean harakat = Rand.chance(r, 0.2);
        boolean tatweel = Rand.chance(r, 0.15);
        int digits = r.nextInt(3); // 0 Persian, 1 Arabic-Indic, 2 ASCII
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ZWNJ) {
                if (zwnj == 0) {
                    sb.append(c);
                } else if (zwnj == 1) {
                    sb.append(' ');
                }
                continue;
            }
            if (arabicKeyboard && c == '\u06CC') {
                c = '\u064A';
            } else if (arabicKeyboard && c == '\u06A9') {
                c = '\u0643';
            } else if (c >= '\u06F0' && c <= '\u06F9' && digits > 0) {
                c = digits == 1 ? (char) ('\u0660' + (c - '\u06F0')) : (char) ('0' + (c - '\u06F0'));
            }
            sb.append(c);
            boolean letter = c >= '\u0621' && c <= '\u06D3';
            if (letter && harakat && Rand.chance(r, 0.12)) {
                sb.append(HARAKAT.charAt(r.nextInt(HARAKAT.length())));
            } else if (letter && tatweel && Rand.chance(r, 0.05)) {
                sb.append('\u0640');
            }
        }
        return sb.toString();
    }

    /**
     * A Persian hashtag as typed: the underscore sometimes a ZWNJ (as in {@code #اعدامش‌کنید}), yeh and kaf
     * sometimes Arabic. No spaces or harakat: they would end or break the tag.
     */
    static String respellTag(String tag, SplittableRandom r) {
        String t = Rand.chance(r, 0.3) ? tag.replace('_', ZWNJ) : tag;
        if (Rand.chance(r, 0.3)) {
            t = t.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
        }
        return t;
    }
}
