package org.coordscope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kinds of issue 14 in a generated world: what each group plants, the organic decoys, the truth labels. */
class GroupKindWorldTest {

    @TempDir
    static Path dir;

    static Map<String, String> kindOf = new HashMap<>();
    static Map<String, String> groupOf = new HashMap<>();
    static List<CSVRecord> tweets;

    @BeforeAll
    static void generate() throws IOException {
        new WorldGenerator(WorldSpec.builder(1_000, 6, 5).everyKind().build()).write(dir);
        for (CSVRecord r : read("truth.csv")) {
            kindOf.put(r.get("account_id"), r.get("kind"));
            groupOf.put(r.get("account_id"), r.get("group"));
        }
        tweets = read("tweets.csv");
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    @Test
    void truthLabelsEveryKindAndTheOrganicCrowds() {
        assertThat(new HashSet<>(kindOf.values()))
                .contains("fast", "spread", "slow", "campaign", "copy-paste", "small")
                .contains("hashtag-storm", "proverb", "fan", "storm", "organic");
        Map<String, Integer> smallSizes = new HashMap<>();
        kindOf.forEach((id, k) -> {
            if (k.equals("small")) {
                smallSizes.merge(groupOf.get(id), 1, Integer::sum);
            }
        });
        assertThat(smallSizes.values()).allSatisfy(n -> assertThat(n).isBetween(8, 15));
    }

    @Test
    void aCampaignPushesOneHashtagInVariedPersianTextsAndRespellings() {
        Set<String> texts = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (CSVRecord r : tweets) {
            if (kindOf.get(r.get("userid")).equals("campaign")
                    && r.get("tweet_language").equals("fa")) {
                texts.add(r.get("tweet_text"));
                tags.add(r.get("hashtags"));
            }
        }
        assertThat(texts).hasSizeGreaterThan(50);
        // one tag per group, typed with underscore or ZWNJ, Persian or Arabic yeh/kaf
        assertThat(tags).anySatisfy(t -> assertThat(t).contains("_"));
        assertThat(tags).anySatisfy(t -> assertThat(t).contains("\u200C"));
        assertThat(tags).allSatisfy(t -> assertThat(t).startsWith("['").doesNotContain(","));
    }

    @Test
    void eachProtestStormIsHundredsOfAccountsOnOneTagForHours() {
        Map<String, Set<String>> people = new HashMap<>();
        Map<String, long[]> span = new HashMap<>();
        for (CSVRecord r : tweets) {
            if (kindOf.get(r.get("userid")).equals("hashtag-storm")
                    && !r.get("hashtags").equals("[]")) {
                String tag = r.get("hashtags")
                        .replace('\u200C', '_')
                        .replace('ي', 'ی')
                        .replace('ك', 'ک');
                long t = java.time.LocalDateTime.parse(r.get("tweet_time").replace(' ', 'T'))
                        .toEpochSecond(java.time.ZoneOffset.UTC);
                people.computeIfAbsent(tag, x -> new HashSet<>()).add(r.get("userid"));
                long[] s = span.computeIfAbsent(tag, x -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                s[0] = Math.min(s[0], t);
                s[1] = Math.max(s[1], t);
            }
        }
        // three storms in 60 days, each on its own tag; a storm member's other tags are a few organic ones
        List<String> storms = people.keySet().stream()
                .filter(t -> people.get(t).size() >= 50 && t.matches(".*[\u0600-\u06FF].*"))
                .toList();
        assertThat(storms).hasSize(3);
        for (String t : storms) {
            assertThat(people.get(t)).as(t).hasSizeGreaterThanOrEqualTo(100);
            assertThat(span.get(t)[1] - span.get(t)[0]).as(t).isBetween(3_600L, 7 * 3_600L);
        }
    }

    @Test
    void keyboardsRespellPersian() {
        SplittableRandom r = new SplittableRandom(3);
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            variants.add(Texts.respell("می‌خواهم در سال ۱۳۹۸ یک کتاب", r));
        }
        assertThat(variants)
                .contains("می‌خواهم در سال ۱۳۹۸ یک کتاب") // as written
                .contains("میخواهم در سال ۱۳۹۸ یک کتاب") // ZWNJ dropped
                .contains("می خواهم در سال 1398 یک کتاب") // ZWNJ as a space, ASCII digits
                .anySatisfy(v -> assertThat(v).contains("ي").contains("ك")) // Arabic keyboard
                .anySatisfy(v -> assertThat(v).contains("١٣٩٨")) // Arabic-Indic digits
                .anySatisfy(v -> assertThat(v).containsPattern("[\u064E\u0650\u064F\u0651\u0640]")); // harakat
    }
}
