package org.coordscope.detect.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateTextTest {

    private static final String BASE = "The mainstream media will not tell you the truth about the rigged election so"
            + " share this before they delete it";

    private static final String WORD_CHANGED = "The MAINSTREAM media will NOT tell you the truth about the stolen"
            + " election so share this before they delete it 🔥🔥 https://t.co/xyz @patriot";
    private static final String WORDS_ADDED = "Wake up people! The mainstream media will not tell you the truth about"
            + " the rigged election so share this now before they delete it";
    private static final String REORDERED = "Share this before they delete it: the mainstream media will not tell you"
            + " the truth about the rigged election";
    private static final String TWO_CHANGED_ONE_ADDED = "The mainstream press will never tell you the truth about the"
            + " rigged election so please share this before they delete it!!";

    private static final List<String> SAME_TOPIC = List.of(
            "The election results were certified today after every county finished the recount of the ballots",
            "I do not trust the media on the election, but I will wait for the truth from the courts",
            "Why will the mainstream media not report on the rigged voting machines in this election?",
            "They delete every post about the truth of the election. Share the evidence before it is too late");

    @Test
    void normalisationDropsUrlsMentionsEmojiCaseAndPunctuation() {
        assertThat(NearDuplicateText.tokens(
                        "RT-free: Check THIS out!!! 🔥🔥 https://t.co/abc @someone #Vote2020 www.x.org"))
                .containsExactly("rt", "free", "check", "this", "out", "vote2020");
        assertThat(NearDuplicateText.tokens("𝐁𝐎𝐋𝐃 ｆｕｌｌｗｉｄｔｈ Ünïcödé"))
                .containsExactly("bold", "fullwidth", "ünïcödé");
    }

    @Test
    void exactSimilarityOfEditedCopiesAndOfSameTopicTexts() {
        assertThat(NearDuplicateText.similarity(BASE, WORD_CHANGED)).isGreaterThan(0.8);
        assertThat(NearDuplicateText.similarity(BASE, WORDS_ADDED)).isGreaterThan(0.75);
        assertThat(NearDuplicateText.similarity(BASE, REORDERED)).isGreaterThan(0.85);
        assertThat(NearDuplicateText.similarity(BASE, TWO_CHANGED_ONE_ADDED)).isBetween(0.6, 0.7);
        for (String t : SAME_TOPIC) {
            assertThat(NearDuplicateText.similarity(BASE, t)).as(t).isLessThan(0.25);
        }
    }

    @Test
    void editedCopiesClusterAndSameTopicTextsDoNot() {
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults());
        int base = nd.add(0, 1000, BASE);
        int[] copies = {
            nd.add(1, 1001, WORD_CHANGED),
            nd.add(2, 1002, WORDS_ADDED),
            nd.add(3, 1003, REORDERED),
            nd.add(4, 1004, TWO_CHANGED_ONE_ADDED)
        };
        List<Integer> topic = new ArrayList<>();
        for (String t : SAME_TOPIC) {
            topic.add(nd.add(10 + topic.size(), 1005, t));
        }
        NearDuplicateClusters c = nd.cluster();
        assertThat(c.clusterCount()).isEqualTo(1);
        assertThat(c.clusterOf(base)).isZero();
        for (int i : copies) {
            assertThat(c.clusterOf(i)).isZero();
        }
        for (int i : topic) {
            assertThat(c.clusterOf(i)).isEqualTo(-1);
        }
        assertThat(nd.estimatedSimilarity(base, copies[0])).isGreaterThan(0.6);
        assertThat(nd.estimatedSimilarity(base, topic.get(3))).isLessThan(0.4);
    }

    /**
     * The estimate follows the exact Jaccard similarity whatever the signature length (64 bytes, compared eight at
     * a time; 15 and 75, which leave bytes over): identical texts give exactly 1, and over 300 pairs of texts
     * with a known share of words the mean error stays small.
     */
    @Test
    void theEstimateFollowsTheExactSimilarityForEverySignatureLength() {
        for (int[] bandsRows : new int[][] {{16, 4}, {5, 3}, {25, 3}}) {
            NearTextOptions o =
                    NearTextOptions.defaults().withBands(bandsRows[0]).withRows(bandsRows[1]);
            NearDuplicateText nd = new NearDuplicateText(o);
            Random r = new Random(5);
            double error = 0;
            int pairs = 300;
            for (int p = 0; p < pairs; p++) {
                List<String> words = new ArrayList<>();
                for (int w = 0; w < 20; w++) {
                    words.add("w" + r.nextInt(10_000));
                }
                List<String> edited = new ArrayList<>(words);
                for (int e = r.nextInt(12); e > 0; e--) {
                    edited.set(r.nextInt(edited.size()), "x" + r.nextInt(10_000));
                }
                String a = String.join(" ", words);
                String b = String.join(" ", edited);
                int i = nd.add(2 * p, 0, a);
                int j = nd.add(2 * p + 1, 0, b);
                assertThat(nd.estimatedSimilarity(i, i)).isEqualTo(1.0);
                error += Math.abs(nd.estimatedSimilarity(i, j) - NearDuplicateText.similarity(a, b));
            }
            assertThat(error / pairs)
                    .as("mean error with %d x %d", bandsRows[0], bandsRows[1])
                    .isLessThan(bandsRows[0] * bandsRows[1] < 20 ? 0.15 : 0.06);
        }
    }

    @Test
    void shortTextsAreIgnored() {
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults());
        assertThat(nd.add(0, 0, "good morning dear friends")).isEqualTo(-1);
        assertThat(nd.add(1, 0, "good morning dear friends 🌞 https://t.co/x @a @b"))
                .isEqualTo(-1);
        assertThat(nd.add(2, 0, "good morning my dear friends")).isZero();
        assertThat(nd.size()).isEqualTo(1);
    }

    @Test
    void aPlantedCampaignAmongRandomTextsOnOneTopicIsFoundExactly() {
        Random r = new Random(11);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            vocabulary.add("w" + i);
        }
        List<String> template = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            template.add(vocabulary.get(r.nextInt(200)));
        }
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults());
        List<Integer> campaign = new ArrayList<>();
        List<Integer> organic = new ArrayList<>();
        int account = 0;
        for (int i = 0; i < 2000; i++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 15; w++) {
                words.add(vocabulary.get(r.nextInt(200)));
            }
            organic.add(nd.add(account++, i, String.join(" ", words)));
            if (i % 50 == 0) {
                // two random edits: replace, insert, delete or swap neighbours
                List<String> copy = new ArrayList<>(template);
                for (int e = 0; e < 2; e++) {
                    int p = r.nextInt(copy.size() - 1);
                    switch (r.nextInt(4)) {
                        case 0 -> copy.set(p, vocabulary.get(r.nextInt(200)));
                        case 1 -> copy.add(p, vocabulary.get(r.nextInt(200)));
                        case 2 -> copy.remove(p);
                        default -> java.util.Collections.swap(copy, p, p + 1);
                    }
                }
                campaign.add(nd.add(account++, i, String.join(" ", copy)));
            }
        }
        NearDuplicateClusters c = nd.cluster();
        int cluster = c.clusterOf(campaign.get(0));
        assertThat(cluster).isNotNegative();
        assertThat(campaign).allSatisfy(i -> assertThat(c.clusterOf(i)).isEqualTo(cluster));
        assertThat(organic).allSatisfy(i -> assertThat(c.clusterOf(i)).isEqualTo(-1));
        assertThat(c.clusterCount()).isEqualTo(1);
    }

    @Test
    void boilerplateBucketsAreVerifiedInLinearTimeAndBecomeOneObject() {
        NearTextOptions o = NearTextOptions.defaults().withMaxBucketSize(10);
        NearDuplicateText nd = new NearDuplicateText(o);
        for (int a = 0; a < 500; a++) {
            nd.add(a, 1000 + a, "Good morning to all my wonderful friends and followers ☀️ @user" + a);
        }
        NearDuplicateClusters c = nd.cluster();
        assertThat(c.clusterCount()).isEqualTo(1);
        Actions actions = c.toActions();
        assertThat(actions.size()).isEqualTo(500);
        assertThat(actions.activeAccounts()).isEqualTo(500);
    }

    @Test
    void nearTextActionsFeedTheGraphWithTheWindowApplied() {
        String campaignB =
                "Our great leader built more roads and schools this year than all previous governments" + " together";
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults());
        long t = 1_600_000_000L;
        nd.add(0, t, BASE);
        nd.add(1, t + 30, WORD_CHANGED);
        nd.add(2, t + 200, WORDS_ADDED);
        nd.add(3, t + 86_400, REORDERED); // a day later: same text, no co-action
        nd.add(0, t + 5000, campaignB);
        nd.add(1, t + 5010, campaignB + " 🇷🇺");
        nd.add(
                2,
                t + 5020,
                "Our great leader has built more roads and schools this year than all previous"
                        + " governments together!");
        nd.add(3, t + 5030, SAME_TOPIC.get(0));
        NearDuplicateClusters c = nd.cluster();
        assertThat(c.clusterCount()).isEqualTo(2);
        assertThat(c.activeAccounts()).isEqualTo(4);

        CoordinationGraph g = new CoActionGraphBuilder(4, DetectionOptions.defaults())
                .add(SignalKind.NEAR_TEXT, c.toActions())
                .build();
        assertThat(g.edgeCount()).isEqualTo(3);
        for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            int e = g.edgeIndex(pair[0], pair[1]);
            assertThat(e).isNotNegative();
            assertThat(g.support(e, SignalKind.NEAR_TEXT)).isEqualTo(2);
            assertThat(g.evidence(e)).hasSize(2).extracting(Evidence::object).containsExactlyInAnyOrder(0, 1);
        }
        assertThat(g.edgeIndex(0, 3)).isNegative();
    }

    @Test
    void clusteringIsDeterministic() {
        Random r = new Random(5);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                sb.append('w').append(r.nextInt(60)).append(' ');
            }
            texts.add(sb.toString());
        }
        int[] a = clusters(texts);
        int[] b = clusters(texts);
        assertThat(a).isEqualTo(b);
    }

    /** Texts added in any order and then put in order cluster exactly as texts added in that order. */
    @Test
    void reorderedTextsClusterAsTextsAddedInThatOrder() {
        Random r = new Random(9);
        List<List<String>> templates = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 15; w++) {
                words.add("w" + r.nextInt(500));
            }
            templates.add(words);
        }
        // half edited copies of 40 templates (about 38 each: buckets above the cap of 20), half unrelated texts
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<String> words = new ArrayList<>(templates.get(r.nextInt(templates.size())));
            if (i % 2 == 0) {
                words.set(r.nextInt(words.size()), "w" + r.nextInt(500));
            } else {
                words.replaceAll(w -> "w" + r.nextInt(500));
            }
            texts.add(String.join(" ", words));
        }
        List<Integer> arrival = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            arrival.add(i);
        }
        java.util.Collections.shuffle(arrival, r);
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults().withMaxBucketSize(20));
        for (int i : arrival) {
            nd.add(i, 1000L + i, texts.get(i));
        }
        int[] order = new int[texts.size()]; // position k must hold text k, which arrived at arrival.indexOf(k)
        for (int p = 0; p < arrival.size(); p++) {
            order[arrival.get(p)] = p;
        }
        nd.reorder(order);
        NearDuplicateClusters reordered = nd.cluster();

        NearDuplicateText inOrder =
                new NearDuplicateText(NearTextOptions.defaults().withMaxBucketSize(20));
        for (int i = 0; i < texts.size(); i++) {
            inOrder.add(i, 1000L + i, texts.get(i));
        }
        NearDuplicateClusters expected = inOrder.cluster();
        assertThat(expected.clusterCount()).isGreaterThan(10);
        assertThat(reordered.clusterCount()).isEqualTo(expected.clusterCount());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(reordered.clusterOf(i)).as("text %d", i).isEqualTo(expected.clusterOf(i));
        }
        Actions a = reordered.toActions();
        Actions b = expected.toActions();
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(List.of(a.account(i), a.object(i), a.time(i)))
                    .isEqualTo(List.of(b.account(i), b.object(i), b.time(i)));
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> nd.reorder(new int[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] clusters(List<String> texts) {
        NearDuplicateText nd = new NearDuplicateText(NearTextOptions.defaults());
        for (int i = 0; i < texts.size(); i++) {
            nd.add(i, i, texts.get(i));
        }
        NearDuplicateClusters c = nd.cluster();
        int[] out = new int[c.textCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.clusterOf(i);
        }
        return out;
    }

    @Test
    void signaturesWrittenAndReadBackClusterAsTheTextsDoUnderAnyThreshold() throws IOException {
        NearDuplicateText texts = new NearDuplicateText(NearTextOptions.defaults());
        List<String> all = new ArrayList<>(List.of(BASE, WORD_CHANGED, WORDS_ADDED, REORDERED, TWO_CHANGED_ONE_ADDED));
        all.addAll(SAME_TOPIC);
        for (int i = 0; i < all.size(); i++) {
            texts.add(i, 1000L * i, all.get(i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            texts.write(out);
            out.writeInt(0xC0FFEE); // what follows in the stream
        }
        for (double threshold : new double[] {0.6, 0.3, 0.8}) {
            NearTextOptions options = NearTextOptions.defaults().withThreshold(threshold);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            NearDuplicateText read = NearDuplicateText.read(in, options).orElseThrow();
            assertThat(in.readInt()).isEqualTo(0xC0FFEE);
            NearDuplicateText fresh = new NearDuplicateText(options);
            for (int i = 0; i < all.size(); i++) {
                fresh.add(i, 1000L * i, all.get(i));
            }
            NearDuplicateClusters expected = fresh.cluster();
            NearDuplicateClusters actual = read.cluster();
            assertThat(expected.clusterCount()).as("threshold %s", threshold).isPositive();
            assertThat(actual.clusterCount()).isEqualTo(expected.clusterCount());
            for (int i = 0; i < expected.textCount(); i++) {
                assertThat(actual.clusterOf(i)).isEqualTo(expected.clusterOf(i));
            }
            assertThat(actual.toActions().size()).isEqualTo(expected.toActions().size());
        }
        for (NearTextOptions other : List.of(
                NearTextOptions.defaults().withBands(8),
                NearTextOptions.defaults().withMinTokens(3))) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            assertThat(NearDuplicateText.read(in, other))
                    .as("signatures of other options")
                    .isEmpty();
            assertThat(in.readInt()).as("read to their end all the same").isEqualTo(0xC0FFEE);
        }
    }

    @Test
    void anyNumberOfThreadsGivesTheSameClusters() {
        Random random = new Random(5);
        NearDuplicateText texts =
                new NearDuplicateText(NearTextOptions.defaults().withMaxBucketSize(8));
        for (int base = 0; base < 40; base++) {
            String[] words = new String[18];
            for (int w = 0; w < words.length; w++) {
                words[w] = "w" + random.nextInt(300);
            }
            for (int copy = 0; copy < 12; copy++) {
                String[] edited = words.clone();
                for (int e = random.nextInt(5); e > 0; e--) {
                    edited[random.nextInt(edited.length)] = "x" + random.nextInt(1000);
                }
                texts.add(random.nextInt(200), copy, String.join(" ", edited));
            }
        }
        NearDuplicateClusters one = texts.cluster(1);
        assertThat(one.clusterCount()).isGreaterThan(20);
        for (int threads : new int[] {2, 3, 16}) {
            NearDuplicateClusters many = texts.cluster(threads);
            assertThat(many.clusterCount()).as("%d threads", threads).isEqualTo(one.clusterCount());
            for (int i = 0; i < one.textCount(); i++) {
                assertThat(many.clusterOf(i))
                        .as("text %d, %d threads", i, threads)
                        .isEqualTo(one.clusterOf(i));
            }
        }
    }
}
