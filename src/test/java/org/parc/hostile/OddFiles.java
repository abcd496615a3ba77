package org.parc.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Generates hostile and messy input files for the tests (nothing big is committed). */
final class OddFiles {
    /** An article body long enough for language detection. */
    static final String BODY = "The city council met on Tuesday evening to debate the new budget for schools, "
            + "roads and the public library. Several residents spoke against the plan, saying that it cut "
            + "spending on the services they use every day while raising the fees for parking in the centre.";

    private OddFiles() {}

    static Path text(Path file, String text, Charset cs) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, text.getBytes(cs));
    }

    static Path bytes(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    /** Seeded random bytes: the same "garbage" on every run. */
    static byte[] garbage(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** UTF-16 little-endian with a byte-order mark, as Windows tools write it. */
    static Path utf16(Path file, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.write(text.getBytes(StandardCharsets.UTF_16LE));
        return bytes(file, out.toByteArray());
    }

    /** Valid UTF-8 with invalid sequences spliced in (a lone continuation byte, 0xFF, a cut 3-byte sequence). */
    static Path invalidUtf8(Path file, String before, String after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[]{(byte) 0x80, ' ', (byte) 0xFF, ' ', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xC3, '('});
        out.write(after.getBytes(StandardCharsets.UTF_8));
        return bytes(file, out.toByteArray());
    }

    /** A text file of one line of {@code bytes} bytes, written in chunks (never held in memory). */
    static Path bigSingleLine(Path file, long bytes) throws IOException {
        byte[] chunk = ("word" + " ").repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Headline of a very long line ".getBytes(StandardCharsets.US_ASCII));
            for (long left = bytes - 29; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    /** A PDF of one page with the given lines of text; with a user password when {@code password} is not null. */
    static byte[] pdf(String[] lines, String password) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.setLeading(14);
                cs.newLineAtOffset(50, 700);
                for (String l : lines) {
                    cs.showText(l);
                    cs.newLine();
                }
                cs.endText();
            }
            if (password != null) {
                StandardProtectionPolicy p = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                p.setEncryptionKeyLength(128);
                doc.protect(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>""";
    private static final String DOC_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    private static final String DOC_TAIL = "</w:body></w:document>";

    static String paragraph(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    /** A minimal, valid Word document with these paragraphs. */
    static byte[] docx(String... paragraphs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", RELS);
            StringBuilder body = new StringBuilder(DOC_HEAD);
            for (String p : paragraphs) body.append(paragraph(p));
            entry(zip, "word/document.xml", body.append(DOC_TAIL).toString());
        }
        return out.toByteArray();
    }

    /**
     * A Word document whose word/document.xml inflates to about {@code expandedBytes} (one paragraph
     * repeated), streamed through the deflater so that the test never holds it.
     */
    static Path docxBomb(Path file, long expandedBytes) throws IOException {
        byte[] para = paragraph("All work and no play makes a dull article. ".repeat(20)).getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[para.length * 256];
        for (int i = 0; i < 256; i++) System.arraycopy(para, 0, chunk, i * para.length, para.length);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", RELS);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(DOC_HEAD.getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n < expandedBytes; n += chunk.length) zip.write(chunk);
            zip.write(DOC_TAIL.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * Zips nested {@code depth} deep, each level holding {@code copies} copies of the level below;
     * the innermost holds a text file of {@code innerBytes} repeated letters. Expands to
     * copies^(depth-1) * innerBytes.
     */
    static Path nestedZipBomb(Path file, int depth, int copies, int innerBytes) throws IOException {
        byte[] inner = new byte[innerBytes];
        Arrays.fill(inner, (byte) 'a');
        byte[] level = zipOf("story.txt", inner, 1);
        for (int d = 1; d < depth; d++) level = zipOf("level" + d + ".zip", level, copies);
        return bytes(file, level);
    }

    private static byte[] zipOf(String name, byte[] content, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i < copies; i++) {
                int dot = name.lastIndexOf('.');
                zip.putNextEntry(new ZipEntry(copies == 1 ? name : name.substring(0, dot) + "-" + i + name.substring(dot)));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The first {@code fraction} of the bytes: a file cut off in transfer. */
    static byte[] cut(byte[] whole, double fraction) {
        return Arrays.copyOf(whole, (int) (whole.length * fraction));
    }
}
