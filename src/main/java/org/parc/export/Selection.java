package org.parc.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.jena.query.Query;
import org.parc.ParcException;

/**
 * What to export: everything, one document (--doc), the documents that arrived since a time
 * (--since), or the result of a CONSTRUCT query (--construct). At most one of them.
 */
public record Selection(String docIri, Instant since, Query construct) {
    public static final Selection ALL = new Selection(null, null, null);

    public Selection {
        int n = (docIri != null ? 1 : 0) + (since != null ? 1 : 0) + (construct != null ? 1 : 0);
        if (n > 1) throw ParcException.usage("choose one of --doc, --since and --construct");
        if (construct != null && !construct.isConstructType()) throw ParcException.usage("--construct needs a CONSTRUCT query");
        if (docIri != null && !docIri.matches("[^\\s<>\"{}|^`\\\\]+:[^\\s<>\"{}|^`\\\\]*")) {
            throw ParcException.usage("--doc '" + docIri + "' is not an IRI");
        }
    }

    public static Selection doc(String iri) {
        return new Selection(iri, null, null);
    }

    public static Selection since(Instant t) {
        return new Selection(null, t, null);
    }

    public static Selection construct(Query q) {
        return new Selection(null, null, q);
    }

    /** An ISO date-time (with or without offset; without means UTC) or a date (its midnight, UTC). */
    public static Instant parseInstant(String s) {
        String v = s.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ParcException.usage("--since '" + s + "' is not a date (2025-01-31) or date-time (2025-01-31T12:00:00Z)");
        }
    }
}
