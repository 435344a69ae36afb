package org.coordscope.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterNamesTest {

    @Test
    void eachSignalsObjectInWords() {
        assertThat(ClusterNames.name("co-hashtag", "ایران_قوی", null)).isEqualTo("#ایران_قوی");
        assertThat(ClusterNames.name("co-retweet", "123", "@origin")).isEqualTo("retweets of @origin");
        assertThat(ClusterNames.name("co-retweet", "123", null)).isEqualTo("retweets of tweet 123");
        assertThat(ClusterNames.name("co-link", "https://example.org/a", null)).isEqualTo("link example.org/a");
        assertThat(ClusterNames.name("co-domain", "example.org", null)).isEqualTo("site example.org");
    }

    @Test
    void aTextByItsFirstWordsAndLongObjectsCutOnALetter() {
        assertThat(ClusterNames.name("near-text", "we are all here for the truth today", null))
                .isEqualTo("“we are all here for the…”");
        assertThat(ClusterNames.name("near-text", "ما هستیم", null)).isEqualTo("“ما هستیم”");
        String url = "https://example.org/" + "😀".repeat(60);
        String name = ClusterNames.name("co-link", url, null);
        assertThat(name.codePointCount(0, name.length())).isEqualTo("link ".length() + ClusterNames.MAX_LENGTH);
        assertThat(name).endsWith("😀…");
    }
}
