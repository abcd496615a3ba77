package org.parc.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * The terms of parc's RDF contract (documented in vocab/README.md). Standard vocabularies first;
 * parc's own namespace only for what DCTERMS, PROV-O, schema.org and Web Annotation lack.
 */
public final class Vocab {
    public static final String PARC = "https://w3id.org/parc/ns#";
    public static final String SCHEMA = "http://schema.org/";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";

    /** Prefixes every writer and query uses. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("dcterms", DCTERMS)
            .setNsPrefix("oa", OA)
            .setNsPrefix("owl", OWL)
            .setNsPrefix("parc", PARC)
            .setNsPrefix("prov", PROV)
            .setNsPrefix("rdf", RDF)
            .setNsPrefix("rdfs", RDFS)
            .setNsPrefix("schema", SCHEMA)
            .setNsPrefix("xsd", XSD)
            .lock();

    // schema.org
    public static final Resource NewsArticle = s("NewsArticle");
    public static final Resource NewsMediaOrganization = s("NewsMediaOrganization");
    public static final Resource Person = s("Person");
    public static final Resource Organization = s("Organization");
    public static final Resource Place = s("Place");
    public static final Resource Role = s("Role");
    public static final Resource SoftwareApplication = s("SoftwareApplication");
    public static final Property name = sp("name");
    public static final Property alternateName = sp("alternateName");
    public static final Property sha256 = sp("sha256");
    public static final Property softwareVersion = sp("softwareVersion");
    public static final Property creditText = sp("creditText");
    public static final Property dateline = sp("dateline");
    public static final Property locationCreated = sp("locationCreated");
    public static final Property mentions = sp("mentions");
    public static final Property editor = sp("editor");
    public static final Property contributor = sp("contributor");
    public static final Property roleName = sp("roleName");
    public static final Property text = sp("text");
    public static final Property sameAs = sp("sameAs");
    public static final Property url = sp("url");
    public static final Property encodingFormat = sp("encodingFormat");

    // Dublin Core terms
    public static final Property title = d("title");
    public static final Property language = d("language");
    public static final Property issued = d("issued");
    public static final Property publisher = d("publisher");
    public static final Property creator = d("creator");
    public static final Property temporal = d("temporal");
    public static final Property format = d("format");
    public static final Property extent = d("extent");
    public static final Property isPartOf = d("isPartOf");
    public static final Property source = d("source");
    public static final Property dcSubject = d("subject");

    // PROV-O
    public static final Resource Entity = p("Entity");
    public static final Resource Activity = p("Activity");
    public static final Resource SoftwareAgent = p("SoftwareAgent");
    public static final Resource ProvPerson = p("Person");
    public static final Resource Bundle = p("Bundle");
    public static final Property wasDerivedFrom = pp("wasDerivedFrom");
    public static final Property wasGeneratedBy = pp("wasGeneratedBy");
    public static final Property wasRevisionOf = pp("wasRevisionOf");
    public static final Property wasInvalidatedBy = pp("wasInvalidatedBy");
    public static final Property wasAttributedTo = pp("wasAttributedTo");
    public static final Property used = pp("used");
    public static final Property wasAssociatedWith = pp("wasAssociatedWith");
    public static final Property wasInformedBy = pp("wasInformedBy");
    public static final Property startedAtTime = pp("startedAtTime");
    public static final Property endedAtTime = pp("endedAtTime");
    public static final Property generatedAtTime = pp("generatedAtTime");

    // Web Annotation
    public static final Resource Annotation = o("Annotation");
    public static final Resource SpecificResource = o("SpecificResource");
    public static final Resource TextQuoteSelector = o("TextQuoteSelector");
    public static final Resource TextPositionSelector = o("TextPositionSelector");
    public static final Resource identifying = o("identifying");
    public static final Resource tagging = o("tagging");
    public static final Property hasBody = op("hasBody");
    public static final Property hasTarget = op("hasTarget");
    public static final Property hasSource = op("hasSource");
    public static final Property hasSelector = op("hasSelector");
    public static final Property motivatedBy = op("motivatedBy");
    public static final Property exact = op("exact");
    public static final Property prefix = op("prefix");
    public static final Property suffix = op("suffix");
    public static final Property start = op("start");
    public static final Property end = op("end");

    // RDF statements carry the evidence for a value
    public static final Resource Statement = ResourceFactory.createResource(RDF + "Statement");
    public static final Property rdfSubject = ResourceFactory.createProperty(RDF, "subject");
    public static final Property rdfPredicate = ResourceFactory.createProperty(RDF, "predicate");
    public static final Property rdfObject = ResourceFactory.createProperty(RDF, "object");
    public static final Property rdfValue = ResourceFactory.createProperty(RDF, "value");
    public static final Property label = ResourceFactory.createProperty(RDFS, "label");

    // parc's own terms (vocab/parc.ttl)
    public static final Resource SourceFile = x("SourceFile");
    public static final Resource Package = x("Package");
    public static final Resource NormalizedText = x("NormalizedText");
    public static final Resource CalendarDate = x("CalendarDate");
    public static final Resource Archive = x("Archive");
    public static final Property path = xp("path");
    public static final Property truncated = xp("truncated");
    public static final Property normalizedText = xp("normalizedText");
    public static final Property startInSource = xp("startInSource");
    public static final Property endInSource = xp("endInSource");
    public static final Property length = xp("length");
    public static final Property method = xp("method");
    public static final Property detail = xp("detail");
    public static final Property stage = xp("stage");
    public static final Property position = xp("position");
    public static final Property agent = xp("agent");
    public static final Property credit = xp("credit");
    public static final Property baseIri = xp("baseIri");
    public static final Property hint = xp("hint");
    public static final Property sourceUrl = xp("sourceUrl");
    public static final Property confidence = xp("confidence");
    public static final Property linkCandidate = xp("linkCandidate");
    public static final Property identityKey = xp("identityKey");
    public static final Property nameKey = xp("nameKey");

    private Vocab() {}

    private static Resource s(String n) { return ResourceFactory.createResource(SCHEMA + n); }
    private static Property sp(String n) { return ResourceFactory.createProperty(SCHEMA, n); }
    private static Property d(String n) { return ResourceFactory.createProperty(DCTERMS, n); }
    private static Resource p(String n) { return ResourceFactory.createResource(PROV + n); }
    private static Property pp(String n) { return ResourceFactory.createProperty(PROV, n); }
    private static Resource o(String n) { return ResourceFactory.createResource(OA + n); }
    private static Property op(String n) { return ResourceFactory.createProperty(OA, n); }
    private static Resource x(String n) { return ResourceFactory.createResource(PARC + n); }
    private static Property xp(String n) { return ResourceFactory.createProperty(PARC, n); }
}
