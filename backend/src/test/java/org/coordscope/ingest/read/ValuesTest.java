package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    @Test
    void archiveShapesAreReadAsTheFormatterReadsThem() {
        assertThat(Values.dateTime("2019-02-03 04:05", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2019-02-03T04:05:00Z"));
        assertThat(Values.dateTime(" 2019-02-03T04:05:06 ", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2019-02-03T04:05:06Z"));
        assertThat(Values.dateTime("2019-02-03", ZoneOffset.UTC)).isEqualTo(Instant.parse("2019-02-03T00:00:00Z"));
        assertThat(Values.dateTime("2019-02-03 04:05:06+01:00", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2019-02-03T03:05:06Z"));
        assertThatThrownBy(() -> Values.dateTime("2019-02-29 04:05", ZoneOffset.UTC))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Values.dateTime("2019-02-03 24:00", ZoneOffset.UTC))
                .isInstanceOf(DateTimeException.class);
    }

    /**
     * The hand-read shapes must agree with the general formatter on every string, valid or not: random digits in
     * each field (months to 19, days to 39, hours to 29, minutes and seconds to 69), every separator the formatter
     * knows and some it does not, and a few other lengths.
     */
    @Test
    void handReadShapesAgreeWithTheFormatterOnRandomStrings() {
        SplittableRandom random = new SplittableRandom(7);
        String[] separators = {" ", "T", "t", "_", ""};
        int handled = 0;
        for (int i = 0; i < 200_000; i++) {
            String date =
                    String.format("%04d-%02d-%02d", random.nextInt(1, 10_000), random.nextInt(20), random.nextInt(40));
            String value = switch (random.nextInt(5)) {
                case 0 -> date;
                case 1 ->
                    date
                            + separators[random.nextInt(separators.length)]
                            + String.format("%02d:%02d", random.nextInt(30), random.nextInt(70));
                case 2 ->
                    date
                            + separators[random.nextInt(separators.length)]
                            + String.format(
                                    "%02d:%02d:%02d", random.nextInt(30), random.nextInt(70), random.nextInt(70));
                case 3 -> date.replace('-', random.nextBoolean() ? '/' : 'x');
                default ->
                    date + " "
                            + String.format(
                                    "%02d:%02d:%02d.%d",
                                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
            };
            Object fast = outcome(() -> Values.dateTime(value, ZONE));
            Object general = outcome(() -> Values.formattedDateTime(value.trim(), ZONE));
            assertThat(fast).as(value).isEqualTo(general);
            if (fast instanceof Instant) {
                handled++;
            }
        }
        assertThat(handled).as("valid strings among the random ones").isGreaterThan(10_000);
    }

    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (DateTimeException e) {
            return DateTimeException.class;
        }
    }
}
