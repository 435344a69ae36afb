package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.coordscope.ingest.ImportException;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static List<Long> startLines(String text, CollectingSink sink) throws IOException {
        List<Long> lines = new ArrayList<>();
        try (CsvRows rows = CsvRows.open("f.csv", new StringReader(text))) {
            for (CsvRows.Row row; (row = rows.next(sink)) != null; ) {
                lines.add(row.line());
            }
        }
        return lines;
    }

    @Test
    void numbersRowsByThePhysicalLineTheyStartOn() throws IOException {
        String text = "a,b\r\n1,2\r\n\"multi\nline\",3\r\n\r\n\"x\"\"y\",4\r\n\"a\rb\",5\n6,7";
        // A lone CR is a line break too (old Mac files), so "a\rb" spans lines 7 and 8.
        assertThat(startLines(text, new CollectingSink())).containsExactly(2L, 3L, 6L, 7L, 9L);
    }

    @Test
    void headerIsTrimmedAndLosesItsByteOrderMark() throws IOException {
        try (CsvRows rows = CsvRows.open("f.csv", new StringReader("\uFEFF\"id\", name ,id\n"))) {
            assertThat(rows.header()).containsExactly("id", "name", "id");
            assertThat(rows.column("id")).isZero();
            assertThat(rows.column("NAME")).isEqualTo(1);
            assertThat(rows.column("missing")).isEqualTo(-1);
        }
    }

    @Test
    void anEmptyPartHasNoHeader() {
        assertThatThrownBy(() -> CsvRows.open("empty.csv", new StringReader("")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("empty.csv");
        assertThatThrownBy(() -> CsvRows.open("blank.csv", new StringReader("\n\n")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("blank.csv");
    }

    @Test
    void aRunawayQuoteStopsAtTheLimitInsteadOfFillingTheMemory() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n1,2\n3,\"never closed\n");
        String filler = "x".repeat(1 << 20) + "\n";
        while (text.length() <= CsvRows.MAX_RECORD_CHARS + (2 << 20)) {
            text.append(filler);
        }
        CollectingSink sink = new CollectingSink();
        assertThat(startLines(text.toString(), sink)).containsExactly(2L);
        assertThat(sink.badRows).hasSize(1);
        assertThat(sink.badRows.get(0).line()).isEqualTo(3);
        assertThat(sink.badRows.get(0).reason()).contains("longer than 16 Mi characters");
    }
}
