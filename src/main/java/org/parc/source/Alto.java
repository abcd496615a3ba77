package org.parc.source;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ALTO (Analyzed Layout and Text Object), the XML in which libraries deliver the OCR of digitized
 * newspaper pages (the Library of Congress's Chronicling America, Europeana, national libraries).
 * Its words are attributes ({@code <String CONTENT="Titanic"/>}), so an XML parser finds no text in it.
 *
 * <p>Read here as the page's text: a text block's lines joined into one paragraph, blocks separated
 * by a blank line, in the order the file gives them; a word hyphenated across lines is whole again
 * (its {@code SUBS_CONTENT}, else its two parts joined at the {@code HYP}). Any ALTO version: elements
 * are matched by local name.
 */
public final class Alto {
    private Alto() {}

    /** Metadata key of the issue date a Library of Congress page name gives, and of where it was read. */
    public static final String ISSUED = "alto:issued";
    public static final String ISSUED_FROM = ISSUED + ".from";
    private static final Pattern ROOT = Pattern.compile("\\A(?:\\s|<\\?[^>]*\\?>|<!--.*?-->)*<(?:[\\w.-]+:)?alto[\\s>/]", Pattern.DOTALL);
    /** Chronicling America's page addresses: [LCCN/]issue date/edition/sequence ("sn83045462/1912-04-16/ed-1/seq-1"). */
    private static final Pattern LOC_PAGE = Pattern.compile("(?:^|/)(\\d{4}-\\d{2}-\\d{2})/ed-\\d+/seq-\\d+(?:[/.]|$)");
    /** Library catalogue and structure records (METS, MODS, MARCXML, OAI Dublin Core), by their root element. */
    private static final Pattern CATALOGUE = Pattern.compile(
            "\\A(?:\\s|<\\?[^>]*\\?>|<!--.*?-->)*<(?:[\\w.-]+:)?(mets|mods|modsCollection|collection|record|dc)[\\s>/]", Pattern.DOTALL);

    /** The page's text and what its description says. */
    public record Page(String text, String imageFile, String issued, boolean cut) {}

    /** True when the XML's root element is ALTO's (the file's first bytes, read as Latin-1). */
    public static boolean is(String head) {
        return ROOT.matcher(head).lookingAt();
    }

    /**
     * Why a library's XML record is not an article, or null: a METS file describes a digitized issue's
     * structure and catalogue data (its pages' ALTO files are the text), MODS, MARCXML and Dublin Core
     * are catalogue records. MARCXML's "collection" and "record" are taken only with MARC's namespace.
     */
    public static String catalogueRecord(String head) {
        Matcher m = CATALOGUE.matcher(head);
        if (!m.lookingAt()) return null;
        String root = m.group(1);
        if ((root.equals("collection") || root.equals("record")) && !head.contains("http://www.loc.gov/MARC21/slim")) return null;
        if (root.equals("dc") && !head.contains("http://www.openarchives.org/OAI/2.0/oai_dc/")) return null;
        return switch (root) {
            case "mets" -> "a METS record of a digitized item (its structure and catalogue data), not an article (its pages' ALTO files are read as the articles)";
            case "mods", "modsCollection" -> "a MODS catalogue record, not an article";
            case "dc" -> "a Dublin Core catalogue record, not an article";
            default -> "a MARCXML catalogue record, not an article";
        };
    }

    /** The issue date in a page's image name or path, as Chronicling America names them, or null. */
    public static String issueDate(String name) {
        if (name == null) return null;
        Matcher m = LOC_PAGE.matcher(name);
        return m.find() ? m.group(1) : null;
    }

    public static Page read(InputStream in, int maxChars) throws XMLStreamException {
        XMLStreamReader r = Feeds.factory().createXMLStreamReader(in);
        StringBuilder text = new StringBuilder();
        StringBuilder block = new StringBuilder();
        String imageFile = null;
        boolean inFileName = false;
        boolean joinNext = false; // the last word was cut by a hyphen at the line's end
        boolean skipPart2 = false; // the last word was given whole (SUBS_CONTENT): its second part is not repeated
        boolean cut = false;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "fileName" -> inFileName = true;
                        case "TextBlock" -> {
                            flush(block, text);
                            joinNext = false;
                            skipPart2 = false;
                        }
                        case "String" -> {
                            String content = attr(r, "CONTENT");
                            String subsType = attr(r, "SUBS_TYPE");
                            String subs = attr(r, "SUBS_CONTENT");
                            if ("HypPart2".equals(subsType) && skipPart2) {
                                skipPart2 = false;
                                joinNext = false;
                                continue;
                            }
                            skipPart2 = false;
                            String word = content;
                            if ("HypPart1".equals(subsType) && subs != null && !subs.isBlank()) {
                                word = subs;
                                skipPart2 = true;
                            }
                            if (word == null || word.isBlank()) continue;
                            if (joinNext && block.length() > 0) {
                                block.append(word.strip());
                            } else {
                                if (block.length() > 0) block.append(' ');
                                block.append(word.strip());
                            }
                            joinNext = false;
                        }
                        case "HYP" -> {
                            // a line-end hyphen: the word goes on in the next line (its printed "-" is not part of it)
                            if (!skipPart2) {
                                if (block.length() > 0 && block.charAt(block.length() - 1) == '-') block.setLength(block.length() - 1);
                                joinNext = true;
                            }
                        }
                        default -> { }
                    }
                    if (text.length() + block.length() > maxChars) {
                        cut = true;
                        break;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && inFileName) {
                    imageFile = (imageFile == null ? "" : imageFile) + r.getText();
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("fileName")) inFileName = false;
                    if (r.getLocalName().equals("TextBlock")) flush(block, text);
                }
            }
        } catch (XMLStreamException e) {
            // a page cut off (a broken transfer): the words before the break, marked incomplete
            if (text.length() + block.length() == 0) throw e;
            cut = true;
        } finally {
            r.close();
        }
        flush(block, text);
        String out = text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
        String image = imageFile == null ? null : imageFile.strip();
        return new Page(out.strip(), image, issueDate(image), cut);
    }

    /**
     * Appends the block as a paragraph. A page holds many articles and ALTO rarely marks where each
     * begins: a headline-like block (short, no closing period) after running text is set off by two
     * blank lines, the cue on which the story splitter may start a new article there.
     */
    private static void flush(StringBuilder block, StringBuilder text) {
        if (block.length() == 0) return;
        if (text.length() > 0) {
            int last = text.lastIndexOf("\n") + 1;
            boolean afterProse = text.length() - last >= 100 && ".!?\"”’)".indexOf(text.charAt(text.length() - 1)) >= 0;
            boolean headline = block.length() <= 100 && !block.toString().strip().matches("(?s).*[.,;:]$");
            text.append(afterProse && headline ? "\n\n\n" : "\n\n");
        }
        text.append(block);
        block.setLength(0);
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(name)) return r.getAttributeValue(i);
        }
        return null;
    }
}
