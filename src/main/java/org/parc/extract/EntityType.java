package org.parc.extract;

/** The kinds of things parc records as mentioned; each maps to a schema.org class. */
public enum EntityType {
    PERSON("person", "Person"),
    ORGANIZATION("organization", "Organization"),
    PLACE("place", "Place");

    private final String slug;
    private final String schemaClass;

    EntityType(String slug, String schemaClass) {
        this.slug = slug;
        this.schemaClass = schemaClass;
    }

    /** Path segment in entity IRIs. */
    public String slug() {
        return slug;
    }

    /** Local name of the schema.org class. */
    public String schemaClass() {
        return schemaClass;
    }
}
