package uk.attendance.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/** HTML to PDF with openhtmltopdf: letters and lists share one way of printing. */
public final class HtmlPdf {

    /** Debian's DejaVu Sans has the arrows and quotes the lists and letters use; without it the PDF falls back to Helvetica. */
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    static final String FONT = "DejaVu Sans";

    private HtmlPdf() {
    }

    /** A new HTML document with a title and the page's style sheet, for the caller to fill in. */
    public static Document document(String title, String style) {
        Document document = Jsoup.parse("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body></body></html>");
        document.title(title);
        document.head().appendElement("style").appendText(style);
        return document;
    }

    public static byte[] render(Document document) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (Files.isReadable(DEJAVU)) {
                builder.useFont(DEJAVU.toFile(), FONT);
            }
            if (Files.isReadable(DEJAVU_BOLD)) {
                builder.useFont(DEJAVU_BOLD.toFile(), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
