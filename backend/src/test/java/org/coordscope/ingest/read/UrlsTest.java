package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void spellingsOfOneLinkNormaliseToOne() {
        String expected = "https://example.com/news/story?id=7";
        assertThat(Urls.normalize("http://www.Example.COM/news/story/?id=7&utm_source=tw&fbclid=abc#top"))
                .isEqualTo(expected);
        assertThat(Urls.normalize("https://example.com/news/story?utm_medium=x&id=7"))
                .isEqualTo(expected);
        assertThat(Urls.normalize("  www.example.com/news/story?id=7 ")).isEqualTo(expected);
    }

    @Test
    void pathCaseAndOtherParametersAreKept() {
        assertThat(Urls.normalize("https://example.com/A/b?x=1"))
                .isNotEqualTo(Urls.normalize("https://example.com/a/b?x=1"));
        assertThat(Urls.normalize("https://example.com/a?x=1"))
                .isNotEqualTo(Urls.normalize("https://example.com/a?x=2"));
    }

    @Test
    void domainDropsWwwAndOpaqueIdsPassThrough() {
        assertThat(Urls.domain(Urls.normalize("HTTP://WWW.BBC.co.uk/news"))).isEqualTo("bbc.co.uk");
        assertThat(Urls.normalize(" 23678 ")).isEqualTo("23678");
        assertThat(Urls.domain("23678")).isNull();
    }
}
