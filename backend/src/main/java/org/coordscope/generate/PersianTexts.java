package org.coordscope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Persian words and lines for the Telegram world: channel names, everyday posts, official statements, news
 * headlines, storm reactions, campaign templates and their hashtags. Every choice comes from the caller's
 * {@link SplittableRandom}, so the same seed gives the same text.
 */
final class PersianTexts {

    private PersianTexts() {}

    static final String[] FIRST_NAMES = {
        "علی", "مریم", "رضا", "زهرا", "حسین", "فاطمه", "مهدی", "سارا", "امیر", "نرگس", "محمد", "لیلا", "حمید", "شیرین",
        "کاوه", "پریسا", "بهرام", "نسرین", "سعید", "مینا"
    };
    static final String[] LAST_NAMES = {
        "احمدی", "رضایی", "کریمی", "حسینی", "موسوی", "محمدی", "جعفری", "صادقی", "قاسمی", "نوری", "رحیمی", "کاظمی",
        "تهرانی", "شیرازی", "اصفهانی", "تبریزی"
    };
    static final String[] CITIES = {
        "تهران", "مشهد", "اصفهان", "شیراز", "تبریز", "کرج", "اهواز", "قم", "رشت", "کرمان", "یزد", "همدان", "اراک",
        "ساری"
    };
    private static final String[] CHANNEL_WORDS = {
        "کافه", "دفتر", "روزنوشت", "یادداشت", "عکس", "موسیقی", "سینما", "کتاب", "ورزش", "آشپزی", "سفر", "طنز", "فناوری",
        "بازار"
    };
    private static final String[] OUTLETS = {"خبرگزاری", "اخبار", "رسانه", "شبکه خبر", "روزنامه", "پایگاه خبری"};
    private static final String[] OFFICE = {"دفتر رسمی", "سخنگوی", "ستاد", "روابط عمومی", "کانال رسمی"};
    private static final String[] INSTITUTIONS = {"دولت", "وزارت کشور", "قوه قضاییه", "استانداری", "مجلس", "سپاه"};

    private static final String[] SUBJECTS = {
        "مردم",
        "جوانان",
        "کارگران",
        "دانشجویان",
        "بازاری‌ها",
        "همسایه‌ها",
        "رسانه‌ها",
        "معلم‌ها",
        "رانندگان",
        "پرستاران",
        "مغازه‌دارها",
        "هم‌کلاسی‌ها"
    };
    private static final String[] PREDICATES = {
        "امروز خیلی شلوغ بود",
        "منتظر خبرهای تازه هستند",
        "از گرانی خسته شده‌اند",
        "دیشب تا دیر وقت بیدار بودند",
        "درباره قیمت‌ها حرف می‌زدند",
        "برای تعطیلات برنامه ریختند",
        "صف نانوایی را طولانی دیدند",
        "از باران خوشحال شدند",
        "فیلم تازه را دیدند",
        "هنوز جواب نگرفته‌اند",
        "در پارک جمع شدند",
        "از ترافیک شکایت دارند"
    };
    private static final String[] TAILS = {
        "", "", "", " واقعاً", " امروز", " باز هم", " 😅", " 🙏", " خدا بخیر کنه", " نظر شما چیه؟", " 🌱", " …"
    };
    private static final String[] COMMON_LINES = {
        "صبح بخیر دوستان ☀️",
        "جمعه‌تون خوش",
        "باران گرفت ☔",
        "کسی خبر داره چی شده؟",
        "شب بخیر 🌙",
        "چه هوای خوبیه امروز",
        "یلدا مبارک 🍉",
        "خسته نباشید"
    };
    private static final String[] CELEB_LINES = {
        "ممنون از همه شما که همراه بودید ❤️",
        "کنسرت امشب لغو نشده، منتظرتون هستیم",
        "آلبوم تازه به زودی",
        "عکس‌های پشت صحنه را اینجا ببینید",
        "تولدم را تبریک گفتید، دمتون گرم",
        "فردا شب پخش زنده داریم"
    };
    private static final String[] OFFICIAL_OPENINGS = {"بیانیه رسمی:", "اطلاعیه:", "به اطلاع می‌رساند", "خبر فوری:"};
    private static final String[] OFFICIAL_BODIES = {
        "دشمنان ملت در آشوب‌های اخیر دست داشتند",
        "امنیت کشور خط قرمز ماست",
        "عوامل اغتشاش شناسایی و بازداشت شدند",
        "ملت ایران پشتیبان نظام است",
        "شایعات رسانه‌های بیگانه بی‌اساس است",
        "مجازات سخت در انتظار آشوبگران است",
        "راهپیمایی بزرگ فردا برگزار می‌شود",
        "برنامه اقتصادی تازه اجرا شد"
    };
    private static final String[] HEADLINE_OPENINGS = {"گزارش:", "فوری:", "تحلیل:", "گفت‌وگو:", ""};
    private static final String[] HEADLINE_BODIES = {
        "قیمت دلار باز هم بالا رفت",
        "طرح تازه مجلس برای اینترنت",
        "آلودگی هوا مدارس را تعطیل کرد",
        "زلزله در جنوب کشور",
        "تیم ملی به جام جهانی رسید",
        "نرخ تورم اعلام شد",
        "اعتصاب کامیون‌داران ادامه دارد",
        "افزایش قیمت بنزین تکذیب شد",
        "بارش برف جاده‌ها را بست"
    };
    static final String[] REACTIONS = {"باورم نمیشه", "وای 😮", "خبر فوری", "یعنی چی؟", "خدا رحم کنه", "ببینید", "عجب"};
    private static final String[] REPLIES = {"موافقم", "دقیقاً", "منبع؟", "ممنون", "درسته", "نه اینطور نیست", "😂"};
    private static final String[] COMMENT_OPENINGS = {"این را ببینید:", "نظرتون؟", "جالبه:", "بخونید"};

    /** Campaign lines: {@code {target}} is the amplified channel, {@code {slogan}} the group's slogan. */
    private static final String[] CAMPAIGN_TEMPLATES = {
        "{target} صدای واقعی ملت است. {slogan}",
        "همه با {target}! {slogan}",
        "حمایت کامل از {target} در برابر دشمنان. {slogan}",
        "آشوبگران باید مجازات شوند. {slogan} همراه {target}",
        "{slogan}. پیام {target} را به همه برسانید",
        "ما پشت {target} ایستاده‌ایم و کوتاه نمی‌آییم. {slogan}",
        "رسانه‌های بیگانه دروغ می‌گویند، حقیقت را از {target} بشنوید. {slogan}",
        "{slogan}! امروز همه پای کار {target}"
    };

    private static final String[] LINK_TEMPLATES = {
        "این گزارش را بخوانید و پخش کنید {slogan}",
        "حقیقت ماجرا اینجاست: {slogan}",
        "سند جدید درباره آشوبگران منتشر شد. {slogan}",
        "ببینید {target} چه گفت"
    };
    private static final String[] PRAISE = {
        "درود بر {target} {slogan}", "حرف دل ما را زدی {target}", "{target} جان، پای کاریم. {slogan}"
    };
    private static final String[] SLOGANS = {
        "مرگ بر آشوبگر",
        "ایران قوی",
        "امنیت با ماست",
        "دشمن نا امید شد",
        "ملت بیدار است",
        "اعدامشان کنید",
        "ما ملت امام حسینیم",
        "وحدت ملی",
        "پای نظام ایستاده‌ایم",
        "نه به فتنه"
    };
    private static final String[] FILLERS = {"واقعاً", "حتماً", "همه", "امروز", "دوستان", "عزیزان", "باز هم"};
    private static final String[] EMOJI = {"🇮🇷", "✌️", "🔥", "👊", "❤️", "🌹", "💪"};
    private static final String[] LINK_LABELS = {"متن کامل", "ادامه خبر", "لینک", "اینجا"};

    private static final String[] TAG_HEADS = {
        "ایران",
        "تهران",
        "خبر",
        "فوری",
        "اقتصاد",
        "ورزش",
        "فوتبال",
        "سینما",
        "موسیقی",
        "کتاب",
        "زنان",
        "جوانان",
        "دانشگاه",
        "مدرسه",
        "بازار",
        "دلار",
        "بنزین",
        "نان",
        "هوا",
        "زلزله",
        "سفر",
        "طبیعت",
        "عکس",
        "هنر",
        "تاریخ",
        "شعر",
        "طنز",
        "سلامت",
        "کرونا",
        "واکسن",
        "اینترنت",
        "فیلترینگ",
        "کار",
        "مسکن",
        "اجاره",
        "تورم",
        "کشاورزی",
        "آب",
        "برق",
        "گاز",
        "قطعی",
        "کنکور",
        "المپیک",
        "پرسپولیس",
        "استقلال",
        "یلدا",
        "نوروز",
        "رمضان",
        "محرم",
        "پاییز"
    };
    private static final String[] TAG_TAILS = {
        "", "امروز", "ایران", "تهران", "خبر", "جدید", "۱۴۰۰", "زنده", "ویژه", "مردم", "ما", "تازه", "کشور", "شهر",
        "روز", "هفته", "ماه", "سال", "جهان", "نو", "خوب", "بد", "بیشتر", "کمتر", "آزاد", "ملی", "محلی", "دیجیتال",
        "فرهنگی", "اقتصادی", "ورزشی", "هنری", "علمی", "سیاسی", "اجتماعی", "تاریخی", "ادبی", "فوری", "مهم", "داغ",
        "گران", "ارزان", "شلوغ", "خلوت", "شمال", "جنوب", "شرق", "غرب", "مرکز", "سراسری"
    };
    private static final String[] GROUP_TAG_HEADS = {
        "اعدامش_کنید", "مرگ_بر_آشوبگر", "حمایت_از", "لبیک", "ایستاده_ایم", "همه_با", "نه_به_فتنه", "امنیت_پایدار"
    };

    /** A person's name, seeded. */
    static String person(SplittableRandom r) {
        return Rand.pick(r, FIRST_NAMES) + " " + Rand.pick(r, LAST_NAMES);
    }

    /** An ordinary channel's name. */
    static String organicChannel(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> person(r);
            case 1 -> Rand.pick(r, CHANNEL_WORDS) + " " + Rand.pick(r, CITIES);
            default -> "کانال " + Rand.pick(r, CHANNEL_WORDS) + " " + Rand.pick(r, FIRST_NAMES);
        };
    }

    static String newsChannel(SplittableRandom r) {
        return Rand.pick(r, OUTLETS) + " " + Rand.pick(r, CITIES);
    }

    static String officialChannel(SplittableRandom r) {
        return Rand.pick(r, OFFICE) + " " + Rand.pick(r, INSTITUTIONS);
    }

    static String organic(SplittableRandom r) {
        return Rand.pick(r, SUBJECTS) + " " + Rand.pick(r, PREDICATES) + Rand.pick(r, TAILS);
    }

    static String commonLine(SplittableRandom r) {
        return Rand.pick(r, COMMON_LINES);
    }

    static String celebLine(SplittableRandom r) {
        return Rand.pick(r, CELEB_LINES);
    }

    static String official(SplittableRandom r) {
        return Rand.pick(r, OFFICIAL_OPENINGS) + " " + Rand.pick(r, OFFICIAL_BODIES) + " (" + Rand.digits(r, 4) + ")";
    }

    static String headline(SplittableRandom r) {
        String opening = Rand.pick(r, HEADLINE_OPENINGS);
        return (opening.isEmpty() ? "" : opening + " ") + Rand.pick(r, HEADLINE_BODIES) + " " + Rand.pick(r, CITIES);
    }

    static String reply(SplittableRandom r) {
        return Rand.chance(r, 0.5) ? Rand.pick(r, REPLIES) : organic(r);
    }

    static String commentOpening(SplittableRandom r) {
        return Rand.pick(r, COMMENT_OPENINGS);
    }

    static String linkLabel(SplittableRandom r) {
        return Rand.pick(r, LINK_LABELS);
    }

    static String slogan(int group) {
        return SLOGANS[group % SLOGANS.length] + (group >= SLOGANS.length ? " " + (group / SLOGANS.length + 1) : "");
    }

    static String campaign(int template, int group, String target) {
        return fill(CAMPAIGN_TEMPLATES[template % CAMPAIGN_TEMPLATES.length], group, target);
    }

    static String campaignLink(int template, int group, String target) {
        return fill(LINK_TEMPLATES[template % LINK_TEMPLATES.length], group, target);
    }

    static String praise(int template, int group, String target) {
        return fill(PRAISE[template % PRAISE.length], group, target);
    }

    private static String fill(String template, int group, String target) {
        return template.replace("{target}", target).replace("{slogan}", slogan(group));
    }

    /** The organic hashtag of vocabulary rank {@code i}, distinct for every rank. */
    static String hashtag(int i) {
        int heads = TAG_HEADS.length;
        int round = i / (heads * TAG_TAILS.length);
        String tail = TAG_TAILS[(i / heads) % TAG_TAILS.length];
        return TAG_HEADS[i % heads] + (tail.isEmpty() ? "" : "_" + tail) + (round > 0 ? "_" + round : "");
    }

    /** The group's {@code k}-th campaign hashtag: a campaign word and the group's own city, never an organic tag. */
    static String groupHashtag(int group, int k) {
        String head = GROUP_TAG_HEADS[(group + k) % GROUP_TAG_HEADS.length];
        int round = group / CITIES.length;
        return head + "_" + CITIES[(group * 5 + k) % CITIES.length] + (round > 0 ? "_" + round : "");
    }

    /** A copy-paste of {@code text} with a few word-level edits: swaps, fillers, dropped words, emoji. */
    static String edit(String text, SplittableRandom r, int edits) {
        List<String> w = new ArrayList<>(List.of(text.split(" ")));
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (w.size() > 3) {
                        int i = 1 + r.nextInt(w.size() - 2);
                        String t = w.get(i);
                        w.set(i, w.get(i + 1));
                        w.set(i + 1, t);
                    }
                }
                case 1 -> w.add(1 + r.nextInt(Math.max(1, w.size() - 1)), Rand.pick(r, FILLERS));
                case 2 -> {
                    if (w.size() > 6) {
                        w.remove(1 + r.nextInt(w.size() - 2));
                    }
                }
                case 3 -> w.add(Rand.pick(r, EMOJI));
                default -> {
                    int last = w.size() - 1;
                    w.set(last, w.get(last) + (r.nextBoolean() ? "!" : "."));
                }
            }
        }
        return String.join(" ", w);
    }
}
