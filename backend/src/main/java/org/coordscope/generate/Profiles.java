package org.coordscope.generate;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Account profiles as the archive prints them, derived on demand from each account's seed (so they need
 * no memory per account) and kept in a small direct-mapped cache. Accounts the archive anonymises (under
 * 5,000 followers, see {@link WorldSpec#hashedShare()}) get the base64 SHA-256 hash as id, screen name and
 * display name, and no profile URL.
 */
final class Profiles {

    /** One profile, with the values already formatted. */
    record Profile(
            String id,
            String screenName,
            String displayName,
            String location,
            String description,
            String url,
            String followers,
            String following,
            String created,
            String lang,
            String shortName) {}

    private static final int CACHE = 1 << 16;
    private static final String[] OFFICIAL_ABBREVIATIONS = {"Min", "Gov", "Sen", "Mayor", "Pres", "Dep", "Cllr", "Sec"};
    private static final String[] BIO_TEMPLATES = {
        "{part}. Proud supporter of {T}. #{tag}", "Patriot | {part} | {slogan}", "{slogan} {emoji} {part}",
        "Love my country {emoji} {part}. #{tag}", "{emoji} {slogan} {emoji}", "{part} • {slogan} • #{tag}"
    };
    private static final String[] CITIES;

    static {
        List<String> cities = new ArrayList<>();
        for (String l : Lexicon.LOCATIONS) {
            int comma = l.indexOf(',');
            if (comma > 0) {
                cities.add(l.substring(0, comma));
            }
        }
        CITIES = cities.toArray(String[]::new);
    }

    private final World w;
    private final Profile[] cache = new Profile[CACHE];
    private final int[] cacheKey = new int[CACHE];
    private final byte[] extVariant;
    private final Profile[] external;
    private final MessageDigest sha256;

    Profiles(World world) {
        this.w = world;
        this.extVariant = new byte[world.ext];
        this.external = new Profile[world.ext];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Screen names are unique, ignoring case, as on Twitter: a clash gets a number appended. */
    void makeScreenNamesUnique() {
        LongOpenHashSet seen = new LongOpenHashSet(w.n + w.ext);
        for (int e = 0; e < w.ext; e++) {
            while (!seen.add(fingerprint(screenName(-1 - e, extVariant[e])))) {
                if (extVariant[e] == Byte.MAX_VALUE) {
                    throw new IllegalStateException("no free screen name for external account " + e);
                }
                extVariant[e]++;
            }
        }
        for (int a = 0; a < w.n; a++) {
            if (w.has(a, World.HASHED)) {
                continue;
            }
            while (!seen.add(fingerprint(screenName(a, w.nameVariant[a])))) {
                if (w.nameVariant[a] == Byte.MAX_VALUE) {
                    throw new IllegalStateException("no free screen name for account " + a);
                }
                w.nameVariant[a]++;
            }
        }
    }

    private static long fingerprint(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= Character.toLowerCase(name.charAt(i));
            h *= 0x100000001b3L;
        }
        return h;
    }

    Profile author(int ref) {
        return ref >= 0 ? account(ref) : external(-1 - ref);
    }

    Profile account(int a) {
        int slot = a & (CACHE - 1);
        if (cacheKey[slot] == a + 1) {
            return cache[slot];
        }
        Profile p = build(a);
        cache[slot] = p;
        cacheKey[slot] = a + 1;
        return p;
    }

    Profile external(int e) {
        if (external[e] == null) {
            external[e] = build(-1 - e);
        }
        return external[e];
    }

    private Profile build(int ref) {
        boolean inWorld = ref >= 0;
        int e = -1 - ref;
        long seed = inWorld ? w.seed[ref] : w.extSeed[e];
        byte role = w.roleOf(ref);
        SplittableRandom r = new SplittableRandom(seed + 0x632BE59BD9B4E019L);
        String first = firstName(seed);
        String last = lastName(seed);
        long numeric = inWorld ? w.numericId[ref] : w.extId[e];
        int followers = inWorld ? w.followers[ref] : w.extFollowers[e];
        int following = inWorld ? w.following[ref] : w.extFollowing[e];
        int created = inWorld ? w.createdDay[ref] : w.extCreatedDay[e];
        String lang = inWorld ? Lexicon.ACCOUNT_LANGS[w.lang[ref]] : "en";
        int flags = inWorld ? w.flags[ref] : 0;
        GroupPlan g = inWorld && w.group[ref] >= 0 ? w.groups[w.group[ref]] : null;

        String city = CITIES[(int) Long.remainderUnsigned(seed >>> 7, CITIES.length)];
        String title =
                Lexicon.OFFICIAL_TITLES[(int) Long.remainderUnsigned(seed >>> 11, Lexicon.OFFICIAL_TITLES.length)];
        String display;
        String shortName;
        String location;
        String description;
        String url;
        switch (role) {
            case World.NEWS -> {
                display = city + " " + outlet(seed);
                shortName = display;
                location = city;
                description = "The latest news from " + city + " and beyond. Follow for breaking stories and analysis.";
                url = Rand.chance(r, 0.85) ? Texts.tco(r) : "";
            }
            case World.CELEB -> {
                display = celebPrefix(seed) + " " + first;
                shortName = display;
                location = Rand.chance(r, 0.5) ? Rand.pick(r, Lexicon.LOCATIONS) : "";
                description = "Official account. " + bio(r, 1 + r.nextInt(2));
                url = Rand.chance(r, 0.85) ? Texts.tco(r) : "";
            }
            case World.OFFICIAL -> {
                display = title + " " + first + " " + last;
                shortName = title + " " + last;
                location = Rand.chance(r, 0.8) ? city : "";
                description = "Official account of " + title + " " + first + " " + last + ". Serving "
                        + Rand.pick(r, Lexicon.PLACES) + ". " + Rand.pick(r, Lexicon.SLOGAN_WORDS) + " "
                        + Rand.pick(r, Lexicon.SLOGAN_WORDS).toLowerCase(Locale.ROOT) + ".";
                url = Texts.tco(r);
            }
            default -> {
                display = g != null && Rand.chance(r, 0.5)
                        ? memberDisplay(r, first, last, g)
                        : organicDisplay(r, first, last);
                shortName = display;
                if (g != null) {
                    double u = r.nextDouble();
                    location = u < 0.5 ? g.location : u < 0.8 ? "" : Rand.pick(r, Lexicon.LOCATIONS);
                } else {
                    location = Rand.chance(r, 0.35) ? "" : Rand.pick(r, Lexicon.LOCATIONS);
                }
                if ((flags & World.BIO_EMPTY) != 0) {
                    description = "";
                } else if (g != null && (flags & World.BIO_TEMPLATED) != 0) {
                    description = BIO_TEMPLATES[g.index % BIO_TEMPLATES.length]
                            .replace("{part}", Texts.capitalize(Rand.pick(r, Lexicon.BIO_PARTS)))
                            .replace("{T}", author(g.targets[0]).shortName())
                            .replace("{tag}", g.hashtags[0])
                            .replace("{slogan}", g.slogan)
                            .replace("{emoji}", g.emoji);
                } else {
                    description = bio(r, 1 + r.nextInt(4));
                }
                url = Rand.chance(r, g != null ? 0.04 : 0.12) ? Texts.tco(r) : "";
            }
        }
        String id;
        String screen;
        if ((flags & World.HASHED) != 0) {
            id = hash(numeric);
            screen = id;
            display = id;
            url = "";
        } else {
            id = Long.toString(numeric);
            screen = screenName(ref, inWorld ? w.nameVariant[ref] : extVariant[e]);
        }
        return new Profile(
                id,
                screen,
                display,
                location,
                description,
                url,
                Integer.toString(followers),
                Integer.toString(following),
                LocalDate.ofEpochDay(created).toString(),
                lang,
                shortName);
    }

    /** The screen name, from the account's seed alone (so it can be checked for clashes before groups exist). */
    String screenName(int ref, int variant) {
        boolean inWorld = ref >= 0;
        long seed = inWorld ? w.seed[ref] : w.extSeed[-1 - ref];
        byte role = w.roleOf(ref);
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        String first = firstName(seed);
        String last = lastName(seed);
        String name;
        switch (role) {
            case World.NEWS ->
                name = CITIES[(int) Long.remainderUnsigned(seed >>> 7, CITIES.length)].replace(" ", "")
                        + outlet(seed).replace(" ", "");
            case World.CELEB -> name = celebPrefix(seed) + first + (r.nextBoolean() ? "Official" : "");
            case World.OFFICIAL ->
                name = OFFICIAL_ABBREVIATIONS[(int) Long.remainderUnsigned(seed >>> 11, OFFICIAL_ABBREVIATIONS.length)]
                        + (r.nextBoolean() ? first.charAt(0) : "")
                        + last;
            default -> {
                if (inWorld && w.has(ref, World.DEFAULT_HANDLE)) {
                    String base = first + last;
                    name = base.substring(0, Math.min(base.length(), 7)) + Rand.digits(r, 8);
                } else {
                    String f = first.toLowerCase(Locale.ROOT);
                    String l = last.toLowerCase(Locale.ROOT);
                    name = switch (r.nextInt(9)) {
                        case 0 -> f + l;
                        case 1 -> f + "_" + l;
                        case 2 -> first + last + Rand.digits(r, 2);
                        case 3 -> first.charAt(0) + last;
                        case 4 -> l + f.charAt(0) + Rand.digits(r, 2);
                        case 5 -> "the" + Rand.pick(r, Lexicon.NOUNS) + Rand.digits(r, 2);
                        case 6 -> f + Rand.digits(r, 3);
                        case 7 -> "its" + f + "_";
                        default -> "real" + first + last;
                    };
                }
            }
        }
        name = handleChars(name);
        // a clash gets digits drawn from the seed and the attempt, longer the more attempts it takes
        String suffix = variant > 0
                ? Rand.digits(new SplittableRandom(seed + variant * 0xBF58476D1CE4E5B9L), Math.min(7, 2 + variant / 4))
                : "";
        int room = 15 - suffix.length();
        return (name.length() > room ? name.substring(0, room) : name) + suffix;
    }

    private static String handleChars(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
                sb.append(c);
            }
        }
        return sb.length() == name.length() ? name : sb.toString();
    }

    private static String firstName(long seed) {
        return Lexicon.FIRST_NAMES[(int) Long.remainderUnsigned(seed, Lexicon.FIRST_NAMES.length)];
    }

    private static String lastName(long seed) {
        return Lexicon.LAST_NAMES[(int) Long.remainderUnsigned(seed >>> 20, Lexicon.LAST_NAMES.length)];
    }

    private static String outlet(long seed) {
        return Lexicon.NEWS_OUTLET_NAMES[(int) Long.remainderUnsigned(seed >>> 30, Lexicon.NEWS_OUTLET_NAMES.length)];
    }

    private static String celebPrefix(long seed) {
        return Lexicon.CELEB_PREFIXES[(int) Long.remainderUnsigned(seed >>> 40, Lexicon.CELEB_PREFIXES.length)];
    }

    private static String organicDisplay(SplittableRandom r, String first, String last) {
        double u = r.nextDouble();
        if (u < 0.55) {
            return first + " " + last;
        } else if (u < 0.7) {
            return first;
        } else if (u < 0.8) {
            return first + " " + last + " " + Rand.pick(r, Lexicon.CLOSERS);
        } else if (u < 0.9) {
            return first.toLowerCase(Locale.ROOT);
        }
        return Texts.capitalize(Rand.pick(r, Lexicon.ADJECTIVES)) + " " + Rand.pick(r, Lexicon.NOUNS) + " "
                + Rand.pick(r, Lexicon.EMOJI);
    }

    private static String memberDisplay(SplittableRandom r, String first, String last, GroupPlan g) {
        return switch (r.nextInt(3)) {
            case 0 -> first + " " + last + " " + g.emoji;
            case 1 -> first + Rand.digits(r, 2 + r.nextInt(3));
            default -> first + " " + g.emoji + " " + g.slogan;
        };
    }

    private static String bio(SplittableRandom r, int parts) {
        String sep = Rand.pick(r, new String[] {" | ", ". ", " • ", ", ", " "});
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            sb.append(i == 0 ? "" : sep).append(Rand.pick(r, Lexicon.BIO_PARTS));
        }
        String s = Texts.capitalize(sb.toString());
        return s.length() > 160 ? s.substring(0, 160) : s;
    }

    /** Base64 of SHA-256: 44 characters from the base64 alphabet, with {@code +}, {@code /} and a final {@code =}. */
    private String hash(long numericId) {
        byte[] digest = sha256.digest((w.hashSalt + ":" + numericId).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }
}
