package org.parc.edit;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.parc.rdf.Vocab;

/**
 * parc's terms for librarians' work on the record: corrections, fixity checks (vocab/parc.ttl,
 * section "Librarians' work"). Kept beside {@link Vocab} so that the contract's core stays small.
 */
public final class Terms {
    /** A librarian's correction: a prov:Activity associated with a prov:Person. */
    public static final Resource Edit = x("Edit");
    /** One run of `parc verify`. */
    public static final Resource FixityCheck = x("FixityCheck");
    /** The outcome of checking one source file in a fixity check. */
    public static final Resource FixityResult = x("FixityResult");

    public static final Property operation = xp("operation");
    public static final Property focus = xp("focus");
    public static final Property property = xp("property");
    public static final Property value = xp("value");
    public static final Property valueName = xp("valueName");
    public static final Property valueType = xp("valueType");
    public static final Property role = xp("role");
    public static final Property movedName = xp("movedName");
    public static final Property movedMention = xp("movedMention");
    public static final Property sequence = xp("sequence");
    public static final Property reason = xp("reason");
    public static final Property outcome = xp("outcome");
    public static final Property checkedSource = xp("checkedSource");
    public static final Property observedSha256 = xp("observedSha256");
    public static final Property defaultAgent = xp("defaultAgent");

    private Terms() {}

    private static Resource x(String n) {
        return ResourceFactory.createResource(Vocab.PARC + n);
    }

    private static Property xp(String n) {
        return ResourceFactory.createProperty(Vocab.PARC, n);
    }
}
