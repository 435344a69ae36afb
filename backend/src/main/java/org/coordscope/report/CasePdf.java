package org.coordscope.report;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Service;

/**
 * The case report as a PDF: the very HTML of {@link CaseReport} laid out by openhtmltopdf (PDFBox), with the
 * Unicode bidirectional algorithm and Arabic-script shaping from ICU4J, so Persian reads right to left with joined
 * letters, the SVG pictures drawn by Batik, and Vazirmatn (which carries Latin and Persian letters) embedded, so the
 * file looks the same on every machine. Colour emoji are not drawn (PDFBox has no colour-font support).
 */
@Service
public class CasePdf {

    /** Vazirmatn as the UI build ships it (frontend/scripts/fonts.mjs), on the classpath under static/. */
    static final String FONT_REGULAR = "/static/fonts/Vazirmatn-Regular.ttf";

    static final String FONT_BOLD = "/static/fonts/Vazirmatn-Bold.ttf";

    /** Print layout: A4, the embedded font, and CSS 2.1 in place of the browser-only parts of the report's style. */
    private static final String PRINT_STYLE = """
            @page{size:A4;margin:14mm 12mm}
            body,code,pre{font-family:'Vazirmatn'}body{font-size:9.5pt;max-width:none;margin:0;padding:0}
            th,td{text-align:left}.num{text-align:right}
            table{-fs-table-paginate:paginate}tr{page-break-inside:avoid}
            .card{page-break-inside:avoid}.posts>*{display:block;margin-bottom:.3rem}
            svg{max-width:100%}pre{white-space:pre-wrap}
            """;

    private final CaseReport reports;

    public CasePdf(CaseReport reports) {
        this.reports = reports;
    }

    /** The report of {@code clusterId}, generated now by {@code user}, as PDF bytes. */
    public byte[] pdf(String clusterId, String user) {
        Document html = Jsoup.parse(reports.html(clusterId, user));
        html.head().appendElement("style").appendText(PRINT_STYLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(html), null);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(() -> font(FONT_REGULAR), "Vazirmatn", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(FONT_BOLD), "Vazirmatn", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF report of " + clusterId, e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String resource) {
        InputStream in = CasePdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath: build the UI (mvn install builds"
                    + " frontend/, whose scripts/fonts.mjs copies Vazirmatn from the npm package)");
        }
        return in;
    }
}
