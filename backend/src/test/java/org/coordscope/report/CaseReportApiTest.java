package org.coordscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coordscope.ExploreWorld.path;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coordscope.ApiTestSupport;
import org.coordscope.TestUsers;
import org.coordscope.explore.PersianEdgeFixture;
import org.coordscope.web.SpreadsheetSafe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The case report over HTTP on the embedded Neo4j, for the Persian fixture's cluster (one member renamed to a formula,
 * as a hostile account would be): one self-contained HTML file with every part, user text escaped and isolated, and a
 * spreadsheet-safe member CSV.
 */
class CaseReportApiTest extends ApiTestSupport {

    private static final String FORMULA = "=HYPERLINK(\"http://x\")";

    @BeforeEach
    void fixture() {
        PersianEdgeFixture.create(driver);
        try (var session = driver.session()) {
            session.run(
                            "MATCH (a:Account {id: $b, dataset: 'cards'}) SET a.screenName = $name",
                            Map.of("b", PersianEdgeFixture.B, "name", FORMULA))
                    .consume();
        }
    }

    @AfterEach
    void remove() {
        PersianEdgeFixture.remove(driver);
    }

    @Test
    void theHtmlReportHoldsEveryPartInOneFile() {
        ResponseEntity<String> r =
                http.getForEntity(path("/api/clusters/{}/report.html", PersianEdgeFixture.CLUSTER), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo("case-cards-run-1.html");
        String html = r.getBody();
        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("Generated ", " by " + TestUsers.ADMIN + " with CoordScope")
                .contains("<h2>Summary</h2>", "<h2>Why it was flagged</h2>", "<h2>Graph</h2>")
                .contains("<h2>Activity over time</h2>", "<h2>Members</h2>", "<h2>Evidence: the strongest links</h2>")
                .contains("<h2>Run parameters</h2>")
                .contains("data-testid=\"graph\"", "data-testid=\"timeline\"")
                // both posts of the hashtag card, and the retweeted original with its author
                .contains(PersianEdgeFixture.TEXT_A, PersianEdgeFixture.TEXT_B, PersianEdgeFixture.ORIGINAL_TEXT)
                .contains("@<bdi>origin</bdi>")
                // the reason's Persian snippet isolated, the hashtag's sign on its word's left
                .contains("<bdi>همه با هم</bdi>")
                .contains("<bdi dir=\"ltr\" class=\"hashtag\">#<bdi>ایران_قوی</bdi></bdi>")
                // the hostile name escaped, nothing run or fetched
                .contains("=HYPERLINK(&quot;http://x&quot;)")
                .doesNotContain("<script", "src=\"http", "<link");
        assertThat(html.split("data-testid=\"evidence-card\"", -1)).hasSize(3); // the edge's two cards
    }

    /** Issue 16: the report as PDF, Persian text in it (shaped, right to left) and its font embedded. */
    @Test
    void thePdfReportCarriesThePersianTextInAnEmbeddedFont() throws Exception {
        ResponseEntity<byte[]> r =
                http.getForEntity(path("/api/clusters/{}/report.pdf", PersianEdgeFixture.CLUSTER), byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo("case-cards-run-1.pdf");
        // left in target/ to look at (pdftoppm -png target/case-report-fixture.pdf page)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "case-report-fixture.pdf"), r.getBody());
        try (PDDocument pdf = Loader.loadPDF(r.getBody())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Case report", "Why it was flagged", "Evidence: the strongest links");
            // the extractor gives Persian back in reading order, letters unshaped, as a reader's copy would
            for (String persian : List.of("همه با هم", "ما هستیم", "ایران_قوی")) {
                assertThat(text).as(text).contains(persian);
            }
            List<String> fonts = new java.util.ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("Vazirmatn"));
        }
    }

    @Test
    void theCsvBesideItIsSpreadsheetSafe() throws Exception {
        ResponseEntity<String> r =
                http.getForEntity(path("/api/clusters/{}/report.csv", PersianEdgeFixture.CLUSTER), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(r.getBody()))
                .getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("account_id")).isEqualTo(PersianEdgeFixture.A); // score 0.9 first
        assertThat(rows.get(1).get("screen_name")).isEqualTo("'" + FORMULA);
        assertThat(SpreadsheetSafe.original(rows.get(1).get("screen_name"))).isEqualTo(FORMULA);
        assertThat(rows.get(0).get("rank")).isEqualTo("1");
    }

    @Test
    void anUnknownClusterIsA404() {
        assertThat(http.getForEntity(path("/api/clusters/{}/report.html", "no-run/1"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
