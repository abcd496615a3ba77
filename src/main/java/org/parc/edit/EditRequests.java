package org.parc.edit;

import java.util.List;
import java.util.Locale;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.parc.ParcException;
import org.parc.extract.EntityType;
import org.parc.extract.Languages;
import org.parc.extract.PartialDate;
import org.parc.rdf.Iris;
import org.parc.rdf.RecordMapper;
import org.parc.rdf.Vocab;

/** Turns what a librarian typed (a field name and a value) into an edit request. */
public final class EditRequests {
    private EditRequests() {}

    /** A requested change, before it is numbered and dated. */
    public record Request(Edit.Operation op, String focus, String property, RDFNode value, String valueName,
                          List<String> valueTypes, String role, List<String> movedNames, List<String> movedMentions,
                          String summary) {}

    /** The article fields a librarian can set, add to or remove. */
    public static final List<String> FIELDS = List.of("title", "issued", "language", "outlet", "creator", "subject", "location");

    /** The property a credit role is asserted with (as RecordMapper does). */
    public static String propertyForRole(String role) {
        return switch (role) {
            case "author" -> Vocab.creator.getURI();
            case "editor" -> Vocab.editor.getURI();
            default -> Vocab.contributor.getURI();
        };
    }

    static final List<String> ROLES = List.of("author", "editor", "photographer", "translator", "contributor");

    /**
     * An article value. For creators, {@code role} (default author) picks dcterms:creator,
     * schema:editor or schema:contributor and {@code organization} the class.
     */
    public static Request value(Iris iris, Edit.Operation op, String article, String field, String text,
                                String role, boolean organization) {
        String f = field.toLowerCase(Locale.ROOT);
        if (role != null && !f.equals("creator")) throw ParcException.usage("--role is for the creator field only");
        var m = ModelFactory.createDefaultModel();
        if (text != null && text.isBlank()) throw ParcException.usage("the value is empty");
        String verb = op == Edit.Operation.SET ? "set" : op == Edit.Operation.ADD ? "add" : "remove";
        String shown = text == null ? "every value" : "\"" + text + "\"";
        return switch (f) {
            case "title" -> simple(op, article, Vocab.title.getURI(), text == null ? null : m.createLiteral(text), verb + " title " + shown);
            case "issued", "date" -> {
                RDFNode v = null;
                if (text != null) {
                    try {
                        v = RecordMapper.dateLiteral(m, PartialDate.parse(text.strip()));
                    } catch (RuntimeException e) {
                        throw ParcException.usage("not a date: " + text + " (give YYYY, YYYY-MM or YYYY-MM-DD)");
                    }
                }
                yield simple(op, article, Vocab.issued.getURI(), v, verb + " issued date " + shown);
            }
            case "language" -> {
                String tag = text == null ? null : Languages.normalizeTag(text.strip());
                if (text != null && tag == null) throw ParcException.usage("not a language tag: " + text);
                yield simple(op, article, Vocab.language.getURI(), tag == null ? null : m.createLiteral(tag), verb + " language " + shown);
            }
            case "outlet", "publisher" -> entityValue(op, article, Vocab.publisher.getURI(),
                    text == null ? null : iris.outlet(text), text,
                    List.of(Vocab.NewsMediaOrganization.getURI(), Vocab.Organization.getURI()), null, verb + " outlet " + shown);
            case "creator" -> {
                String r = role == null ? "author" : role.toLowerCase(Locale.ROOT);
                if (!ROLES.contains(r)) throw ParcException.usage("unknown role " + role + " (one of " + String.join(", ", ROLES) + ")");
                EntityType t = organization ? EntityType.ORGANIZATION : EntityType.PERSON;
                yield entityValue(op, article, propertyForRole(r), text == null ? null : iris.entity(t, Iris.slug(text)), text,
                        List.of(Vocab.SCHEMA + t.schemaClass()), r, verb + " creator (" + r + ") " + shown);
            }
            case "subject" -> {
                RDFNode v = text == null ? null : text.matches("https?://\\S+") ? m.createResource(text) : m.createLiteral(text);
                yield simple(op, article, Vocab.dcSubject.getURI(), v, verb + " subject " + shown);
            }
            case "location" -> entityValue(op, article, Vocab.locationCreated.getURI(),
                    text == null ? null : iris.entity(EntityType.PLACE, Iris.slug(text)), text,
                    List.of(Vocab.Place.getURI()), null, verb + " location " + shown);
            default -> throw ParcException.usage("unknown field " + field + " (one of " + String.join(", ", FIELDS) + ")");
        };
    }

    private static Request simple(Edit.Operation op, String article, String property, RDFNode v, String summary) {
        return new Request(op, article, property, v, null, List.of(), null, List.of(), List.of(), summary);
    }

    private static Request entityValue(Edit.Operation op, String article, String property, String iri, String name,
                                       List<String> types, String role, String summary) {
        RDFNode v = iri == null ? null : ModelFactory.createDefaultModel().createResource(iri);
        boolean describe = op != Edit.Operation.REMOVE && iri != null;
        return new Request(op, article, property, v, iri == null ? null : name, describe ? types : List.of(),
                describe ? role : null, List.of(), List.of(), summary);
    }

    public static Request merge(String keep, String gone) {
        return new Request(Edit.Operation.MERGE, keep, null, ModelFactory.createDefaultModel().createResource(gone),
                null, List.of(), null, List.of(), List.of(), "merge " + gone + " into " + keep);
    }

    public static Request split(Iris iris, String entity, EntityType type, String newName, List<String> names, List<String> mentions) {
        String fresh = iris.entity(type, Iris.slug(newName));
        if (fresh.equals(entity)) throw ParcException.usage("the new entity would have the same IRI as " + entity + ": choose another name");
        return new Request(Edit.Operation.SPLIT, entity, null, ModelFactory.createDefaultModel().createResource(fresh),
                newName, List.of(Vocab.SCHEMA + type.schemaClass()), null, List.copyOf(names), List.copyOf(mentions),
                "split " + fresh + " (\"" + newName + "\") off " + entity);
    }

    public static Request reject(String annotation) {
        return new Request(Edit.Operation.REJECT_MENTION, annotation, null, null, null, List.of(), null, List.of(), List.of(),
                "reject mention " + annotation);
    }

    public static Request accept(String entity, String candidate) {
        return new Request(Edit.Operation.ACCEPT_LINK, entity, null, ModelFactory.createDefaultModel().createResource(candidate),
                null, List.of(), null, List.of(), List.of(), "accept link " + candidate + " for " + entity);
    }
}
