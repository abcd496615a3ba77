package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Hints;
import org.parc.extract.SingleStorySplitter;
import org.parc.source.Checksums;
import org.parc.source.Limits;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.source.TikaNormalizer;

/** The real path: files written by Word/PDF libraries, read by Tika, described by the extractor. */
class OfficeAndPdfMetadataTest {
    @TempDir
    Path dir;

    ArticleMetadata run(Path f) throws Exception {
        SourceFile sf = new SourceFile(f, f.getFileName().toString(), Files.size(f), Checksums.sha256(f));
        NormalizedDocument doc = new TikaNormalizer(Limits.DEFAULT).normalize(sf);
        return new CatalogueMetadataExtractor().extract(doc, new SingleStorySplitter().split(doc).get(0), Hints.NONE);
    }

    @Test
    void wordDocument() throws Exception {
        Path f = dir.resolve("article.docx");
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            d.getProperties().getCoreProperties().setTitle("Harbour reopens after storm");
            d.getProperties().getCoreProperties().setCreator("Mara Quill");
            d.getProperties().getCoreProperties().setCreated(Optional.of(new java.util.Date(1_600_000_000_000L)));
            d.createParagraph().createRun().setText("Harbour reopens after storm");
            d.createParagraph().createRun().setText("By Mara Quill");
            d.createParagraph().createRun().setText("PORTSMOUTH - The harbour reopened on Friday after a week of "
                    + "repairs to the sea wall, the port authority said in a statement to the press.");
            d.write(out);
        }
        ArticleMetadata m = run(f);
        assertEquals("Harbour reopens after storm", m.title().value());
        assertEquals("tika-metadata", m.title().evidence().method());
        assertEquals("Mara Quill", m.credits().get(0).name());
        assertEquals("PORTSMOUTH", m.dateline().place());
        assertNull(m.issued()); // dcterms:created is not printed in the text: not the issue date
    }

    @Test
    void pdfDocument() throws Exception {
        Path f = dir.resolve("article.pdf");
        try (PDDocument d = new PDDocument()) {
            PDDocumentInformation info = d.getDocumentInformation();
            info.setTitle("Ferry strike ends after talks");
            info.setAuthor("Nadia Rowe");
            Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            c.set(2021, Calendar.MARCH, 4, 9, 0, 0);
            info.setCreationDate(c);
            PDPage page = new PDPage();
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("Ferry strike ends after talks");
                cs.newLineAtOffset(0, -20);
                cs.showText("March 4, 2021");
                cs.newLineAtOffset(0, -20);
                cs.showText("Ferry workers ended a week-long strike on Sunday.");
                cs.endText();
            }
            d.save(f.toFile());
        }
        ArticleMetadata m = run(f);
        assertEquals("Ferry strike ends after talks", m.title().value());
        assertEquals("2021-03-04", m.issued().value().toString());
        assertEquals("Nadia Rowe", m.credits().get(0).name());
    }
}
