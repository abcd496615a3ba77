package org.parc.rdf;

/** The steps of ingest; each run of one on one file is a prov:Activity. */
public enum Stage {
    NORMALIZE("normalize", "Normalize the source file with Apache Tika"),
    EXTRACT_METADATA("extract-metadata", "Describe the articles: title, outlet, bylines, dates, language"),
    RECOGNIZE_ENTITIES("recognize-entities", "Recognize the people, organizations and places mentioned"),
    LINK_ENTITIES("link-entities", "Link entities to authority records");

    private final String slug;
    private final String label;

    Stage(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }
}
