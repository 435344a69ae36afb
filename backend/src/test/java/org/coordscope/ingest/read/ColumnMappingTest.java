package org.coordscope.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.coordscope.ingest.ImportException;
import org.coordscope.ingest.read.ColumnMapping.Key;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void parsesKeyValuePairs() {
        ColumnMapping m = ColumnMapping.parse("account=author_id, time=publish_date ,text=content");
        assertThat(m.get(Key.ACCOUNT)).containsExactly("author_id");
        assertThat(m.get(Key.TIME)).containsExactly("publish_date");
        assertThat(m.get(Key.TEXT)).containsExactly("content");
        assertThat(m.get(Key.POST)).isEmpty();
        assertThat(m.entitiesFromText()).isTrue();
        assertThat(m.presetName()).isNull();
    }

    @Test
    void objectKeysMayRepeatAndValuesMayBeQuoted() {
        ColumnMapping m = ColumnMapping.parse("account=a,time=t,hashtag=tag1,hashtag=tag2,"
                + "time-format='dd.MM.yyyy, HH:mm',url=\"link, expanded\",text='it''s'");
        assertThat(m.get(Key.HASHTAG)).containsExactly("tag1", "tag2");
        assertThat(m.get(Key.TIME_FORMAT)).containsExactly("dd.MM.yyyy, HH:mm");
        assertThat(m.get(Key.URL)).containsExactly("link, expanded");
        assertThat(m.get(Key.TEXT)).containsExactly("it's");
        // The canonical form parses back to the same mapping.
        assertThat(ColumnMapping.parse(m.toSpec())).isEqualTo(m);
    }

    @Test
    void entitiesDefaultToTextOnlyWhenTextIsMapped() {
        assertThat(ColumnMapping.parse("account=a,time=t").entitiesFromText()).isFalse();
        assertThat(ColumnMapping.parse("account=a,time=t,text=x,entities=none").entitiesFromText())
                .isFalse();
    }

    @Test
    void presetsAndOverrides() {
        ColumnMapping coortweet = ColumnMapping.preset("coortweet");
        assertThat(coortweet.get(Key.ACCOUNT)).containsExactly("account_id");
        assertThat(coortweet.get(Key.POST)).containsExactly("content_id");
        assertThat(coortweet.get(Key.RETWEET_OF)).containsExactly("object_id");
        assertThat(coortweet.get(Key.TIME)).containsExactly("timestamp_share");

        ColumnMapping ira = ColumnMapping.parse("IRA, zone=America/New_York");
        assertThat(ira.presetName()).isEqualTo("ira");
        assertThat(ira.get(Key.ACCOUNT)).containsExactly("author_id");
        assertThat(ira.get(Key.SCREEN_NAME)).containsExactly("author_id");
        assertThat(ira.get(Key.TEXT)).containsExactly("content");
        assertThat(ira.get(Key.LANG)).containsExactly("language");
        assertThat(ira.get(Key.FOLLOWERS)).containsExactly("followers");
        assertThat(ira.get(Key.FOLLOWING)).containsExactly("following");
        assertThat(ira.get(Key.RETWEET)).containsExactly("post_type:R");
        assertThat(ira.get(Key.ZONE)).containsExactly("America/New_York");
        assertThat(ColumnMapping.presets())
                .extracting(ColumnMapping.Preset::name)
                .containsExactly("coortweet", "ira");
    }

    @Test
    void aKeyGivenInTheSpecReplacesThePresetsEvenForObjectKeys() {
        ColumnMapping m = ColumnMapping.parse("coortweet,retweet-of=orig,url=u1,url=u2");
        assertThat(m.get(Key.RETWEET_OF)).containsExactly("orig");
        assertThat(m.get(Key.URL)).containsExactly("u1", "u2");
        assertThat(m.get(Key.ACCOUNT)).containsExactly("account_id");
    }

    @Test
    void saysWhatIsWrongWithABadSpec() {
        assertBad("", "empty");
        assertBad("account=a", "'time' is required");
        assertBad("time=t", "'account' is required");
        assertBad("account=a,time=t,colour=x", "unknown key 'colour'", "account, post, time");
        assertBad("account=a,time=t,account=b", "'account' is given twice");
        assertBad("account=a,time=t,text=", "'text=' names no column");
        assertBad("account=a,coortweet", "neither key=COLUMN nor");
        assertBad("twitter", "no preset named 'twitter'", "coortweet, ira");
        assertBad("account=a,time=t,time-format=yyyy-MM-dd HH:mm:ss bbb", "time-format");
        assertBad("account=a,time=t,zone=Mars/Olympus", "unknown zone 'Mars/Olympus'");
        assertBad("account=a,time=t,retweet=post_type:R", "needs text=COLUMN");
        assertBad("account=a,time=t,text=x,retweet=post_type", "COLUMN:VALUE");
        assertBad("account=a,time=t,entities=text", "entities=text needs text");
        assertBad("account=a,time=t,entities=all", "text or none");
        assertBad("account='a,time=t", "unterminated quote");
    }

    @Test
    void bindingNamesTheFileTheColumnAndTheHeader() throws IOException {
        CsvRows rows = CsvRows.open("upload.csv", new StringReader("author_id,content,date\n"));
        ColumnMapping m = ColumnMapping.parse("account=author_id,time=publish_date");
        assertThatThrownBy(() -> m.bind(rows))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("upload.csv")
                .hasMessageContaining("'publish_date'")
                .hasMessageContaining("time")
                .hasMessageContaining("[author_id, content, date]");
    }

    @Test
    void bindsIgnoringCaseWhenUnambiguous() throws IOException {
        CsvRows rows = CsvRows.open("f.csv", new StringReader("Author_ID,Date,date2\n"));
        ColumnMapping.Bound b =
                ColumnMapping.parse("account=author_id,time=DATE").bind(rows);
        assertThat(b.account).isZero();
        assertThat(b.time).isEqualTo(1);
        assertThat(b.post).isEqualTo(-1);
    }

    @Test
    void keysDescribeThemselvesForHelpTexts() {
        assertThat(List.of(Key.values())).allSatisfy(k -> assertThat(k.help()).isNotBlank());
        assertThat(Key.RETWEET_OF.spelling()).isEqualTo("retweet-of");
    }

    private static void assertBad(String spec, String... messageParts) {
        var thrown = assertThatThrownBy(() -> ColumnMapping.parse(spec)).isInstanceOf(IllegalArgumentException.class);
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }
}
