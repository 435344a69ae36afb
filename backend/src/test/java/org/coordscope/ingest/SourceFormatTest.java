package org.coordscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coordscope.ingest.read.ColumnMapping;
import org.coordscope.ingest.read.InfoOpsReader;
import org.coordscope.ingest.read.SharesReader;
import org.coordscope.ingest.read.Twarc2Reader;
import org.coordscope.ingest.read.telegram.TelegramReader;
import org.junit.jupiter.api.Test;

class SourceFormatTest {

    @Test
    void listsTheFormatsWithDescriptions() {
        assertThat(SourceFormat.values())
                .extracting(SourceFormat::id)
                .containsExactly("infoops", "twarc2", "shares", "telegram");
        assertThat(SourceFormat.values())
                .allSatisfy(f -> assertThat(f.description()).isNotBlank());
        assertThat(SourceFormat.values()).filteredOn(SourceFormat::takesMapping).containsExactly(SourceFormat.SHARES);
    }

    @Test
    void findsAFormatByIdIgnoringCase() {
        assertThat(SourceFormat.of("InfoOps")).isEqualTo(SourceFormat.INFOOPS);
        assertThat(SourceFormat.of(" twarc2 ")).isEqualTo(SourceFormat.TWARC2);
        assertThatThrownBy(() -> SourceFormat.of("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("infoops, twarc2, shares, telegram");
    }

    @Test
    void makesReaders() {
        assertThat(SourceFormat.INFOOPS.reader(null)).isInstanceOf(InfoOpsReader.class);
        assertThat(SourceFormat.TWARC2.reader(" ")).isInstanceOf(Twarc2Reader.class);
        assertThat(SourceFormat.TELEGRAM.reader(null)).isInstanceOf(TelegramReader.class);
        assertThat(((SharesReader) SourceFormat.SHARES.reader(null)).mapping()).isNull();
        assertThat(((SharesReader) SourceFormat.SHARES.reader("ira")).mapping()).isEqualTo(ColumnMapping.preset("ira"));
    }

    @Test
    void aMappingGoesToTheSharesFormatOnly() {
        assertThatThrownBy(() -> SourceFormat.INFOOPS.reader("account=a,time=t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares format only");
        assertThatThrownBy(() -> SourceFormat.SHARES.reader("account=a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'time' is required");
    }
}
