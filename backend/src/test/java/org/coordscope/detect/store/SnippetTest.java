package org.coordscope.detect.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A near-text cluster's label: the text on one line, cut to {@link ActionLoader#SNIPPET} characters. */
class SnippetTest {

    @Test
    void whitespaceRunsBecomeOneSpaceAndLongTextsAreCut() {
        assertThat(ActionLoader.snippet("  Vote\n\n for\t the  people  ")).isEqualTo("Vote for the people");
        String longText = "word ".repeat(100);
        String cut = ActionLoader.snippet(longText);
        assertThat(cut).hasSize(ActionLoader.SNIPPET).endsWith("…").startsWith("word word");
        assertThat(ActionLoader.snippet("x".repeat(ActionLoader.SNIPPET))).isEqualTo("x".repeat(ActionLoader.SNIPPET));
    }

    /** Agrees with the plain definition (collapse ASCII whitespace runs, strip, cut) on random texts. */
    @Test
    void agreesWithTheRegexDefinitionOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(3);
        String alphabet = "ab \t\n\r\fé😀";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 300);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String oneLine = text.toString().replaceAll("\\s+", " ").strip();
            String expected = oneLine.length() <= ActionLoader.SNIPPET
                    ? oneLine
                    : oneLine.substring(0, ActionLoader.SNIPPET - 1) + "…";
            assertThat(ActionLoader.snippet(text.toString()))
                    .as(text.toString())
                    .isEqualTo(expected);
        }
    }
}
