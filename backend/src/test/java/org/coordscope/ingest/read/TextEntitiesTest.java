package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextEntitiesTest {

    @Test
    void findsHashtagsInAnyScriptWithoutTrailingPunctuation() {
        assertThat(TextEntities.hashtags("#BlackLivesMatter, #blm! (#Müller) #نه_به_جنگ. #हिन्दी? #Россия…"))
                .containsExactly("BlackLivesMatter", "blm", "Müller", "نه_به_جنگ", "हिन्दी", "Россия");
        // Persian writes a zero-width non-joiner inside words; it belongs to the tag, never at its end.
        assertThat(TextEntities.hashtags("#می\u200Cخواهم\u200C end")).containsExactly("می\u200Cخواهم");
        assertThat(TextEntities.hashtags("fullwidth ＃タグ")).containsExactly("タグ");
    }

    @Test
    void skipsWhatIsNotAHashtag() {
        assertThat(TextEntities.hashtags("#1 a#b &#39; ## # #123abc")).containsExactly("123abc");
        assertThat(TextEntities.hashtags("see https://example.com/page#section now"))
                .isEmpty();
        assertThat(TextEntities.hashtags("#tag #tag #TAG")).containsExactly("tag", "TAG");
    }

    @Test
    void findsMentionsButNotEmailAddresses() {
        assertThat(TextEntities.mentions("RT @TEN_GOP: thanks @jack_1, mail me at me@example.com @@x @ok."))
                .containsExactly("TEN_GOP", "jack_1", "ok");
        assertThat(TextEntities.mentions("read https://medium.com/@writer/post"))
                .isEmpty();
        assertThat(TextEntities.mentions("@a_name_far_too_long_for_twitter")).isEmpty();
    }

    @Test
    void findsLinksAndCutsTrailingPunctuation() {
        assertThat(TextEntities.urls("Read https://t.co/o4nYjvJF5f. And (https://t.co/AbC)! \"https://x.org/a?b=1\""))
                .containsExactly("https://t.co/o4nYjvJF5f", "https://t.co/AbC", "https://x.org/a?b=1");
        assertThat(TextEntities.urls("https://en.wikipedia.org/wiki/Troll_(slang), HTTP://Example.COM/x"))
                .containsExactly("https://en.wikipedia.org/wiki/Troll_(slang)", "HTTP://Example.COM/x");
        // A retweet text cut off mid-link, and text without any link.
        assertThat(TextEntities.urls("great thread https://t.…")).isEmpty();
        assertThat(TextEntities.urls("no links at example.com")).isEmpty();
        assertThat(TextEntities.urls("http://localhost:8080/x https://site.org:8443/y"))
                .containsExactly("https://site.org:8443/y");
    }

    @Test
    void allThreeFromOneRealIraText() {
        TextEntities.Entities e = TextEntities.of(
                "It's because #alllivesmatter people are spineless racist useless eaters. #ASeatAtTheTable https://t.co/M6rzrs1EYN");
        assertThat(e.hashtags()).containsExactly("alllivesmatter", "ASeatAtTheTable");
        assertThat(e.mentions()).isEmpty();
        assertThat(e.urls()).containsExactly("https://t.co/M6rzrs1EYN");
        assertThat(TextEntities.of(null))
                .isEqualTo(new TextEntities.Entities(java.util.List.of(), java.util.List.of(), java.util.List.of()));
    }

    @Test
    void textIdIsStableAndIgnoresWhiteSpaceDifferences() {
        String id = TextEntities.textId("Teen Arrested Over Carton Of Milk.  https://t.co/jUp3MP1G7N");
        assertThat(id).startsWith("text:").hasSize(5 + 32);
        assertThat(TextEntities.textId(" Teen Arrested Over Carton Of Milk.\n https://t.co/jUp3MP1G7N "))
                .isEqualTo(id);
        assertThat(TextEntities.textId("teen arrested over carton of milk. https://t.co/jUp3MP1G7N"))
                .isNotEqualTo(id);
        // NFC: a composed and a decomposed é are one text.
        assertThat(TextEntities.textId("caf\u00E9")).isEqualTo(TextEntities.textId("cafe\u0301"));
        // Fixed across runs and machines: the hash of "hello".
        assertThat(TextEntities.textId("hello")).isEqualTo("text:2cf24dba5fb0a30e26e83b2ac5b9e29e");
    }
}
