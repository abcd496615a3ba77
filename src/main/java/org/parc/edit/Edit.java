package org.parc.edit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.parc.rdf.Vocab;

/**
 * One librarian's correction as recorded in its edit graph: what was asked (the intent), by
 * whom, when and why. The intent, not the triples it changed, is what re-ingest replays, so a
 * correction still applies when the document graph is extracted again.
 *
 * @param iri       the edit's prov:Activity
 * @param sequence  1, 2, 3, ... in the order the edits were made: the replay order
 * @param focus     the resource edited: an article, an entity or an annotation
 * @param property  the article property set, added or removed (null for entity operations)
 * @param value     the new or removed value; for merge the entity merged away, for split the new entity
 * @param valueName a name to describe an IRI value with (outlet, creator, new entity, the kept entity)
 * @param valueTypes rdf:types of an IRI value
 * @param role      a creator's role (author, editor, ...), for credits
 */
public record Edit(String iri, int sequence, Instant time, String agent, String reason, Operation op,
                   String focus, String property, RDFNode value, String valueName, List<String> valueTypes,
                   String role, List<String> movedNames, List<String> movedMentions) {

    /** Replay order: by sequence, then time. */
    public static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::sequence)
            .thenComparing(Edit::time).thenComparing(Edit::iri);

    public enum Operation {
        SET("set"), ADD("add"), REMOVE("remove"), MERGE("merge"), SPLIT("split"),
        REJECT_MENTION("reject-mention"), ACCEPT_LINK("accept-link");

        private final String slug;

        Operation(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public static Operation of(String slug) {
            for (Operation o : values()) if (o.slug.equals(slug.toLowerCase(Locale.ROOT))) return o;
            throw new IllegalArgumentException("unknown edit operation " + slug);
        }
    }

    /** The id part of the activity IRI (its last path segment). */
    public String id() {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** Writes the intent onto the activity resource in m. */
    public Resource write(Model m, String summary) {
        Resource e = m.createResource(iri)
                .addProperty(RDF.type, Vocab.Activity)
                .addProperty(RDF.type, Terms.Edit)
                .addProperty(Vocab.label, summary)
                .addProperty(Terms.operation, op.slug())
                .addProperty(Terms.focus, m.createResource(focus))
                .addLiteral(Terms.sequence, m.createTypedLiteral(java.math.BigInteger.valueOf(sequence)))
                .addLiteral(Vocab.startedAtTime, timeLiteral(m, time))
                .addLiteral(Vocab.endedAtTime, timeLiteral(m, time));
        if (reason != null) e.addProperty(Terms.reason, reason);
        if (property != null) e.addProperty(Terms.property, m.createResource(property));
        if (value != null) e.addProperty(Terms.value, value);
        if (valueName != null) e.addProperty(Terms.valueName, valueName);
        for (String t : valueTypes) e.addProperty(Terms.valueType, m.createResource(t));
        if (role != null) e.addProperty(Terms.role, role);
        for (String n : movedNames) e.addProperty(Terms.movedName, n);
        for (String a : movedMentions) e.addProperty(Terms.movedMention, m.createResource(a));
        return e;
    }

    /** Reads every edit recorded in m (the union of edit graphs), in replay order. */
    public static List<Edit> read(Model m) {
        List<Edit> out = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, Terms.Edit).forEachRemaining(e -> {
            Statement agentSt = null;
            for (var it = e.listProperties(Vocab.wasAssociatedWith); it.hasNext(); ) {
                Statement s = it.next();
                if (s.getObject().isResource() && s.getResource().hasProperty(RDF.type, Vocab.ProvPerson)) agentSt = s;
            }
            String agent = agentSt == null ? null : str(agentSt.getResource(), Vocab.name);
            out.add(new Edit(e.getURI(),
                    e.getProperty(Terms.sequence).getInt(),
                    Instant.parse(e.getProperty(Vocab.startedAtTime).getLiteral().getLexicalForm()),
                    agent,
                    str(e, Terms.reason),
                    Operation.of(str(e, Terms.operation)),
                    e.getPropertyResourceValue(Terms.focus).getURI(),
                    e.hasProperty(Terms.property) ? e.getPropertyResourceValue(Terms.property).getURI() : null,
                    e.hasProperty(Terms.value) ? e.getProperty(Terms.value).getObject() : null,
                    str(e, Terms.valueName),
                    sorted(e, Terms.valueType, true),
                    str(e, Terms.role),
                    sorted(e, Terms.movedName, false),
                    sorted(e, Terms.movedMention, true)));
        });
        out.sort(ORDER);
        return out;
    }

    private static List<String> sorted(Resource r, org.apache.jena.rdf.model.Property p, boolean iri) {
        List<String> l = new ArrayList<>();
        r.listProperties(p).forEachRemaining(s -> l.add(iri ? s.getResource().getURI() : s.getString()));
        l.sort(null);
        return l;
    }

    private static String str(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? null : s.getString();
    }

    static Literal timeLiteral(Model m, Instant t) {
        return m.createTypedLiteral(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
    }
}
