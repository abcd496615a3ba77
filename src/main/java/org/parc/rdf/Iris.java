package org.parc.rdf;

import java.text.Normalizer;
import java.util.Locale;
import org.parc.extract.EntityType;
import org.parc.extract.PartialDate;
import org.parc.source.Checksums;

/**
 * Mints parc's IRIs under an archive's base. Every IRI is derived from a checksum or a normalized
 * name, never random, so the same input always gets the same IRI.
 */
public final class Iris {
    /** The documented default base; `parc init --base` sets an archive's own. */
    public static final String DEFAULT_BASE = "https://parc.example.org/";

    private final String base;

    public Iris(String base) {
        this.base = base.endsWith("/") || base.endsWith("#") ? base : base + "/";
    }

    public String base() {
        return base;
    }

    /** The named graph holding everything parc derived from one source file. */
    public String graph(String sourceSha256) {
        return base + "graph/" + sourceSha256;
    }

    public String source(String sourceSha256) {
        return base + "source/" + sourceSha256;
    }

    /** The n-th article (1-based) of a source file. */
    public String article(String sourceSha256, int n) {
        return base + "article/" + sourceSha256.substring(0, 16) + "-" + n;
    }

    public String text(String textSha256) {
        return base + "text/" + textSha256;
    }

    public String activity(String sourceSha256, String stage) {
        return base + "activity/" + sourceSha256.substring(0, 16) + "/" + stage;
    }

    public String software(String name, String version) {
        return base + "agent/" + slug(name) + "/" + slug(version);
    }

    public String outlet(String name) {
        return base + "outlet/" + outletKey(name);
    }

    public String entity(EntityType type, String key) {
        return base + type.slug() + "/" + key;
    }

    public String date(PartialDate d) {
        return base + "date/" + d;
    }

    /** Evidence for one statement: derived from the statement itself. */
    public String statement(String s, String p, String o) {
        return base + "statement/" + Checksums.sha256(s + " " + p + " " + o).substring(0, 24);
    }

    public String annotation(String articleIri, String kind, int start, int end) {
        return articleIri.replace(base + "article/", base + "annotation/") + "/" + kind + "/" + start + "-" + end;
    }

    public String credit(String articleIri, int position) {
        return articleIri + "/credit/" + position;
    }

    public String agentPerson(String name) {
        return base + "agent/person/" + slug(name);
    }

    /**
     * A readable, stable key for a name: ASCII letters and digits joined by '-', diacritics
     * dropped, a leading "the" and a trailing "'s" removed. "Nouri al-Maliki" → nouri-al-maliki.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        s = s.replaceFirst("^the\\s+", "").replaceFirst("'s$", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) s = "x" + Checksums.sha256(name).substring(0, 12);
        return s;
    }

    /** One key per outlet whatever the spelling: "Kurdistan 24", "Kurdistan24", "kurdistan-24" agree. */
    public static String outletKey(String name) {
        String s = slug(name).replace("-", "");
        return s.isEmpty() ? slug(name) : s;
    }
}
