package org.parc.extract.meta;

import java.util.regex.Pattern;
import org.parc.extract.Credit;
import org.parc.extract.Found;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.source.NormalizedDocument;

/** Rules over Tika's metadata for PDF, Word, e-mail and other non-HTML files. */
final class DocumentRules {
    private DocumentRules() {}

    private static final String[] TITLE_KEYS = {"dc:title", "pdf:docinfo:title", "title", "subject", "dc:subject"};
    /** Placeholder titles that word processors and PDF printers write. */
    private static final Pattern JUNK_TITLE = Pattern.compile(
            "(?i)^(untitled.*|document\\d*|microsoft word.*|title|new document|slide \\d+|presentation\\d*|"
                    + "doc\\d*|.*\\.(docx?|pdf|rtf|odt|txt|html?|indd|qxd|tmp)|[\\w-]+_[\\w-]+|\\d+|[a-z0-9]+)$");
    private static final Pattern JUNK_CREATOR = Pattern.compile(
            "(?i)^(admin.*|user\\d*|owner|author|unknown|default|guest|microsoft.*|office.*|windows user|"
                    + "ad|root|staff|pc|hp.*|dell.*|lenovo.*|[a-z0-9._-]+)$");

    /** "Re:", "Fwd:" and a mailing list's "[press]" before an e-mail's subject: how it travelled, not its title. */
    private static final Pattern REPLY_OR_LIST_TAG = Pattern.compile("(?i)^((re|fw|fwd|aw|wg|tr|sv|vs)\\s*:\\s*|\\[[^\\]\\n]{1,40}]\\s*)+");
    /** An address with the sender's name as a comment, as old mailers and list archives write it: "ann at example.org (Ann Lee)". */
    private static final Pattern ADDRESS_THEN_NAME = Pattern.compile("^\\S+(?:@|\\s+at\\s+)\\S+\\s*\\(([^()]+)\\)$");

    static boolean isEmail(NormalizedDocument doc) {
        String t = doc.mediaType();
        return t.startsWith("message/") || t.equals("application/vnd.ms-outlook") || doc.first("Message-From") != null
                || doc.first("Message:From-Email") != null;
    }

    static Found<String> title(NormalizedDocument doc, String text) {
        for (String k : TITLE_KEYS) {
            String v = doc.first(k);
            if (v == null) continue;
            String t = v.replaceAll("\\s+", " ").strip();
            if (isEmail(doc)) t = REPLY_OR_LIST_TAG.matcher(t).replaceFirst("");
            if (t.length() < 4 || t.length() > 300 || JUNK_TITLE.matcher(t).matches()) continue;
            if (doc.source() != null && t.equalsIgnoreCase(stripExt(doc.source().fileName()))) continue;
            if (k.contains("subject") && !isEmail(doc)) continue; // a document's subject is a topic, not its title
            return Found.of(t, "tika-metadata", k);
        }
        return null;
    }

    private static String stripExt(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The file's author metadata, when it reads as a person's or organisation's name, not an account. */
    static Credit creator(NormalizedDocument doc) {
        String[] keys = isEmail(doc)
                ? new String[] {"Message:From-Name", "dc:creator", "Message-From", "Message:Raw-Header:From"}
                : new String[] {"dc:creator", "meta:author", "pdf:docinfo:creator", "Author"};
        for (String k : keys) {
            String v = doc.first(k);
            if (v == null) continue;
            String n = v.replaceAll("\\s+", " ").strip();
            var commented = ADDRESS_THEN_NAME.matcher(n);
            if (commented.matches()) n = commented.group(1);
            n = n.replaceAll("<[^>]*>", "").replaceAll("\"", "").replaceAll("\\s+", " ").strip();
            if (n.length() < 3 || n.length() > 80 || JUNK_CREATOR.matcher(n).matches() || n.contains("@") || n.matches(".*\\S\\s+at\\s+\\S+\\.\\S+")) continue;
            return new Credit(Bylines.caseName(n), Role.AUTHOR, Bylines.isOrganization(n) && n.contains(" "),
                    org.parc.extract.Evidence.of("tika-metadata", k));
        }
        return null;
    }

    /**
     * The issue date of a non-HTML file. An e-mail's sent date is its issue date. A PDF's or Word
     * file's creation date is only when the file was made (often a download or a conversion), so
     * it is taken only when the text itself prints that day; otherwise the text's own date cues.
     */
    static Found<PartialDate> issued(NormalizedDocument doc, String text) {
        // a digitized newspaper page named by its issue (Chronicling America's LCCN/date/edition/page)
        PartialDate page = HtmlRules.plausible(Dates.parse(doc.first(org.parc.source.Alto.ISSUED)));
        if (page != null) return Found.of(page, "alto", doc.first(org.parc.source.Alto.ISSUED_FROM));
        if (isEmail(doc)) {
            for (String k : new String[] {"dcterms:created", "Message:Raw-Header:Date", "meta:creation-date"}) {
                PartialDate d = HtmlRules.plausible(Dates.parse(doc.first(k)));
                if (d != null) return Found.of(d, "tika-metadata", k);
            }
        }
        Dates.Hit cue = TextCues.publishedCue(text, 3000);
        if (cue != null) return Found.of(cue.date(), "text-cue", cue.start() + "-" + cue.end());
        Dates.Hit line = TextCues.dateLine(text);
        if (line != null && HtmlRules.plausible(line.date()) != null) {
            return Found.of(line.date(), "text-date-line", line.start() + "-" + line.end());
        }
        for (String k : new String[] {"dcterms:created", "pdf:docinfo:created", "meta:creation-date"}) {
            PartialDate d = Dates.parse(doc.first(k));
            if (d == null || !d.isDay()) continue;
            if (printedInHead(text, d)) return Found.of(d, "tika-metadata", k + " (the text prints the same day)");
        }
        return null;
    }

    private static boolean printedInHead(String text, PartialDate d) {
        String head = text.length() > 4000 ? text.substring(0, 4000) : text;
        for (int from = 0; from < head.length(); ) {
            Dates.Hit h = Dates.findInText(head.substring(from));
            if (h == null) return false;
            if (h.date().equals(d)) return true;
            from += Math.max(1, h.end());
        }
        return false;
    }
}
