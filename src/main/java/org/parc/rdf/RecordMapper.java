package org.parc.rdf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.parc.extract.Article;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.DateMention;
import org.parc.extract.Entity;
import org.parc.extract.Evidence;
import org.parc.extract.Found;
import org.parc.extract.Mention;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.extract.Span;
import org.parc.source.Checksums;
import org.parc.source.NormalizedDocument;
import org.parc.source.Packages;
import org.parc.source.SourceFile;

/** Maps one {@link DocumentRecord} to the RDF of its named graph, as vocab/README.md documents. */
public final class RecordMapper {
    private static final int CONTEXT_CODE_POINTS = 32;

    private final Iris iris;

    public RecordMapper(Iris iris) {
        this.iris = iris;
    }

    public Iris iris() {
        return iris;
    }

    public Model map(DocumentRecord rec) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.PREFIXES);
        NormalizedDocument doc = rec.doc();
        SourceFile f = doc.source();
        String sha = f.sha256();

        Resource graph = m.createResource(iris.graph(sha)).addProperty(RDF.type, Vocab.Bundle);
        Resource file = m.createResource(iris.source(sha))
                .addProperty(RDF.type, Vocab.Entity)
                .addProperty(RDF.type, Vocab.SourceFile)
                .addProperty(Vocab.name, f.fileName())
                .addProperty(Vocab.path, f.relativePath())
                .addProperty(Vocab.sha256, sha)
                .addProperty(Vocab.format, doc.mediaType())
                .addLiteral(Vocab.extent, integer(m, f.size()));
        if (doc.truncated()) file.addLiteral(Vocab.truncated, true);
        if (rec.previousSha256() != null) file.addProperty(Vocab.wasRevisionOf, m.createResource(iris.source(rec.previousSha256())));
        if (rec.hints().sourceUrl() != null) file.addProperty(Vocab.sourceUrl, m.createResource(rec.hints().sourceUrl()));
        if (f.pkg() != null) file.addProperty(Vocab.isPartOf, pkg(m, f.pkg()));

        Resource describe = null;
        Resource recognize = null;
        Resource link = null;
        for (StageRun run : rec.runs()) {
            Resource act = activity(m, sha, run, file);
            if (run.stage() == Stage.EXTRACT_METADATA) describe = act;
            if (run.stage() == Stage.RECOGNIZE_ENTITIES) recognize = act;
            if (run.stage() == Stage.LINK_ENTITIES) link = act;
        }
        graph.addProperty(Vocab.wasDerivedFrom, file);

        for (Article a : rec.articles()) {
            article(m, rec, a, file, describe, recognize == null ? describe : recognize, link);
        }
        return NameKeys.refresh(OneName.apply(m));
    }

    /** The package (ZIP, tar) a source was unpacked from, and the packages that hold it in turn. */
    private Resource pkg(Model m, Packages.Package p) {
        Resource r = m.createResource(iris.source(p.sha256()))
                .addProperty(RDF.type, Vocab.Entity)
                .addProperty(RDF.type, Vocab.Package)
                .addProperty(Vocab.name, p.fileName())
                .addProperty(Vocab.path, p.relativePath())
                .addProperty(Vocab.sha256, p.sha256())
                .addProperty(Vocab.format, p.mediaType())
                .addLiteral(Vocab.extent, integer(m, p.size()));
        if (p.sourceUrl() != null) r.addProperty(Vocab.sourceUrl, m.createResource(p.sourceUrl()));
        if (p.parent() != null) r.addProperty(Vocab.isPartOf, pkg(m, p.parent()));
        return r;
    }

    private Resource activity(Model m, String sha, StageRun run, Resource file) {
        Resource act = m.createResource(iris.activity(sha, run.stage().slug()))
                .addProperty(RDF.type, Vocab.Activity)
                .addProperty(Vocab.label, run.stage().label())
                .addProperty(Vocab.stage, run.stage().slug())
                .addLiteral(Vocab.startedAtTime, time(m, run.started()))
                .addLiteral(Vocab.endedAtTime, time(m, run.ended()))
                .addProperty(Vocab.used, file);
        for (Software s : run.software()) {
            Resource agent = m.createResource(iris.software(s.name(), s.version()))
                    .addProperty(RDF.type, Vocab.SoftwareAgent)
                    .addProperty(Vocab.name, s.name())
                    .addProperty(Vocab.softwareVersion, s.version());
            act.addProperty(Vocab.wasAssociatedWith, agent);
        }
        return act;
    }

    private void article(Model m, DocumentRecord rec, Article a, Resource file, Resource describe, Resource recognize,
                         Resource link) {
        String sha = rec.doc().source().sha256();
        String docText = rec.doc().text();
        String text = a.story().text();
        Resource art = m.createResource(iris.article(sha, a.story().index()))
                .addProperty(RDF.type, Vocab.NewsArticle)
                .addProperty(Vocab.wasDerivedFrom, file)
                .addLiteral(Vocab.startInSource, integer(m, codePoints(docText, a.story().range().start())))
                .addLiteral(Vocab.endInSource, integer(m, codePoints(docText, a.story().range().end())));
        if (describe != null) art.addProperty(Vocab.wasGeneratedBy, describe);
        if (rec.previousSha256() != null) {
            art.addProperty(Vocab.wasRevisionOf, m.createResource(iris.article(rec.previousSha256(), a.story().index())));
        }
        String textSha = Checksums.sha256(text);
        Resource textRes = m.createResource(iris.text(textSha))
                .addProperty(RDF.type, Vocab.NormalizedText)
                .addProperty(RDF.type, Vocab.Entity)
                .addProperty(Vocab.sha256, textSha)
                .addProperty(Vocab.format, "text/plain")
                .addLiteral(Vocab.length, integer(m, text.codePointCount(0, text.length())))
                .addProperty(Vocab.text, text)
                .addProperty(Vocab.wasDerivedFrom, file);
        art.addProperty(Vocab.normalizedText, textRes);

        ArticleMetadata md = a.metadata();
        value(m, art, Vocab.title, md.title(), v -> m.createLiteral(v), describe);
        value(m, art, Vocab.language, md.language(), v -> m.createLiteral(v), describe);
        value(m, art, Vocab.issued, md.issued(), v -> dateLiteral(m, v), describe);
        if (md.outlet() != null) {
            Resource outlet = m.createResource(iris.outlet(md.outlet().value()))
                    .addProperty(RDF.type, Vocab.NewsMediaOrganization)
                    .addProperty(RDF.type, Vocab.Organization)
                    .addProperty(Vocab.name, md.outlet().value());
            value(m, art, Vocab.publisher, md.outlet(), v -> outlet, describe);
        }
        // a link that is no valid IRI (a feed's typo) is left out rather than written as a broken IRI
        if (md.url() != null && validIri(md.url().value())) value(m, art, Vocab.url, md.url(), v -> m.createResource(v), describe);
        value(m, art, Vocab.creditText, md.creditText(), v -> m.createLiteral(v), describe);
        credits(m, art, md.credits(), describe);
        if (md.dateline() != null) {
            var dl = md.dateline();
            value(m, art, Vocab.dateline, new Found<>(dl.raw(), dl.evidence()), v -> m.createLiteral(v), describe);
            if (dl.place() != null) {
                // keyed like the places the recognizer finds, so "WASHINGTON DC" is the entity "Washington, D.C."
                var id = org.parc.extract.entities.EntityKeys.of(dl.place());
                Resource place = m.createResource(iris.entity(org.parc.extract.EntityType.PLACE, id.key()))
                        .addProperty(RDF.type, Vocab.Place)
                        .addProperty(Vocab.name, id.name())
                        .addProperty(Vocab.identityKey, id.key());
                value(m, art, Vocab.locationCreated, new Found<>(dl.place(), dl.evidence()), v -> place, describe);
            }
        }
        // most texts have no character outside the BMP: then code point offsets are char offsets, and
        // counting them from the start for each of an article's ~80 mentions was most of this method's time
        // (the quote's prefix and suffix step from the mention instead)
        boolean bmp = text.length() == text.codePointCount(0, text.length());
        for (DateMention d : a.dates()) {
            Literal lit = dateLiteral(m, d.date());
            art.addLiteral(Vocab.temporal, lit);
            Resource body = m.createResource(iris.date(d.date()))
                    .addProperty(RDF.type, Vocab.CalendarDate)
                    .addLiteral(Vocab.rdfValue, lit);
            annotation(m, art, textRes, text, bmp, "date", d.span(), body, d.evidence(), describe);
        }
        for (Entity e : a.entities()) {
            Resource ent = entity(m, e, link);
            art.addProperty(Vocab.mentions, ent);
            for (Mention mention : e.mentions()) {
                annotation(m, art, textRes, text, bmp, e.type().slug(), mention.span(), ent, e.evidence(), recognize);
            }
        }
    }

    private void credits(Model m, Resource art, List<Credit> credits, Resource describe) {
        int pos = 0;
        for (Credit c : credits) {
            pos++;
            org.parc.extract.EntityType type = c.organization()
                    ? org.parc.extract.EntityType.ORGANIZATION : org.parc.extract.EntityType.PERSON;
            Resource who = m.createResource(iris.entity(type, Iris.slug(c.name())))
                    .addProperty(RDF.type, c.organization() ? Vocab.Organization : Vocab.Person)
                    .addProperty(Vocab.name, c.name());
            Property p = switch (c.role()) {
                case AUTHOR -> Vocab.creator;
                case EDITOR -> Vocab.editor;
                default -> Vocab.contributor;
            };
            value(m, art, p, new Found<>(c.name(), c.evidence()), v -> who, describe);
            m.createResource(iris.credit(art.getURI(), pos))
                    .addProperty(RDF.type, Vocab.Role)
                    .addProperty(Vocab.roleName, c.role().slug())
                    .addLiteral(Vocab.position, integer(m, pos))
                    .addProperty(Vocab.agent, who)
                    .addProperty(Vocab.wasDerivedFrom, art);
            art.addProperty(Vocab.credit, m.createResource(iris.credit(art.getURI(), pos)));
        }
    }

    private Resource entity(Model m, Entity e, Resource linkActivity) {
        Resource r = m.createResource(iris.entity(e.type(), e.key()))
                .addProperty(RDF.type, m.createResource(Vocab.SCHEMA + e.type().schemaClass()))
                .addProperty(Vocab.name, e.name())
                .addProperty(Vocab.identityKey, e.key());
        for (String alt : e.alternateNames()) r.addProperty(Vocab.alternateName, alt);
        for (Entity.Link l : e.links()) {
            // Accepted links are asserted; candidates are offered. Either way the statement records
            // the confidence, the evidence and the activity, so a guess never reads as a fact.
            Property p = l.accepted() ? Vocab.sameAs : Vocab.linkCandidate;
            Resource target = m.createResource(l.iri());
            r.addProperty(p, target);
            Resource st = m.createResource(iris.statement(r.getURI(), p.getURI(), l.iri()))
                    .addProperty(RDF.type, Vocab.Statement)
                    .addProperty(Vocab.rdfSubject, r)
                    .addProperty(Vocab.rdfPredicate, p)
                    .addProperty(Vocab.rdfObject, target)
                    .addLiteral(Vocab.confidence, m.createTypedLiteral(java.math.BigDecimal.valueOf(l.confidence())));
            if (l.evidence() != null) {
                st.addProperty(Vocab.method, l.evidence().method());
                if (l.evidence().detail() != null) st.addProperty(Vocab.detail, l.evidence().detail());
            }
            if (linkActivity != null) st.addProperty(Vocab.wasGeneratedBy, linkActivity);
        }
        return r;
    }

    private void annotation(Model m, Resource art, Resource textRes, String text, boolean bmp, String kind, Span span,
                            Resource body, Evidence ev, Resource generatedBy) {
        int start = bmp ? span.start() : codePoints(text, span.start());
        int end = bmp ? span.end() : codePoints(text, span.end());
        String iri = iris.annotation(art.getURI(), kind, start, end);
        Resource quote = m.createResource(iri + "#quote")
                .addProperty(RDF.type, Vocab.TextQuoteSelector)
                .addProperty(Vocab.exact, span.cut(text))
                .addProperty(Vocab.prefix, before(text, span.start()))
                .addProperty(Vocab.suffix, after(text, span.end()));
        Resource position = m.createResource(iri + "#position")
                .addProperty(RDF.type, Vocab.TextPositionSelector)
                .addLiteral(Vocab.start, integer(m, start))
                .addLiteral(Vocab.end, integer(m, end));
        Resource target = m.createResource(iri + "#target")
                .addProperty(RDF.type, Vocab.SpecificResource)
                .addProperty(Vocab.hasSource, textRes)
                .addProperty(Vocab.hasSelector, quote)
                .addProperty(Vocab.hasSelector, position);
        Resource ann = m.createResource(iri)
                .addProperty(RDF.type, Vocab.Annotation)
                .addProperty(Vocab.motivatedBy, Vocab.identifying)
                .addProperty(Vocab.hasBody, body)
                .addProperty(Vocab.hasTarget, target)
                .addProperty(Vocab.wasDerivedFrom, art);
        if (ev != null) {
            ann.addProperty(Vocab.method, ev.method());
            if (ev.detail() != null) ann.addProperty(Vocab.detail, ev.detail());
        }
        if (generatedBy != null) ann.addProperty(Vocab.wasGeneratedBy, generatedBy);
    }

    /** Asserts art-p-value and records the evidence for it as an rdf:Statement. */
    private <T> void value(Model m, Resource art, Property p, Found<T> found,
                           java.util.function.Function<T, RDFNode> node, Resource generatedBy) {
        if (found == null || found.value() == null) return;
        RDFNode o = node.apply(found.value());
        art.addProperty(p, o);
        String oKey = o.isLiteral() ? o.asLiteral().getLexicalForm() + "^^" + o.asLiteral().getDatatypeURI() : o.asResource().getURI();
        Resource st = m.createResource(iris.statement(art.getURI(), p.getURI(), oKey))
                .addProperty(RDF.type, Vocab.Statement)
                .addProperty(Vocab.rdfSubject, art)
                .addProperty(Vocab.rdfPredicate, p)
                .addProperty(Vocab.rdfObject, o)
                .addProperty(Vocab.method, found.evidence().method());
        if (found.evidence().detail() != null) st.addProperty(Vocab.detail, found.evidence().detail());
        if (generatedBy != null) st.addProperty(Vocab.wasGeneratedBy, generatedBy);
    }

    public static Literal dateLiteral(Model m, PartialDate d) {
        XSDDatatype t = d.isDay() ? XSDDatatype.XSDdate : d.month() != null ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDgYear;
        return m.createTypedLiteral(d.toString(), t);
    }

    private static Literal time(Model m, Instant t) {
        String lex = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(t.getNano() / 1_000_000 * 1_000_000));
        return m.createTypedLiteral(lex, XSDDatatype.XSDdateTime);
    }

    /** xsd:integer, which Turtle and JSON-LD write as plain numbers. */
    private static Literal integer(Model m, long v) {
        return m.createTypedLiteral(java.math.BigInteger.valueOf(v));
    }

    static int codePoints(String text, int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** Up to CONTEXT_CODE_POINTS code points before charIndex, stepping back from it (not counting from the start). */
    private static String before(String text, int charIndex) {
        int from = charIndex;
        for (int k = 0; k < CONTEXT_CODE_POINTS && from > 0; k++) from = text.offsetByCodePoints(from, -1);
        return text.substring(from, charIndex);
    }

    /** Up to CONTEXT_CODE_POINTS code points after charIndex. */
    private static String after(String text, int charIndex) {
        int to = charIndex;
        for (int k = 0; k < CONTEXT_CODE_POINTS && to < text.length(); k++) to = text.offsetByCodePoints(to, 1);
        return text.substring(charIndex, to);
    }

    private static boolean validIri(String s) {
        try {
            return IRIx.create(s).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }
}
