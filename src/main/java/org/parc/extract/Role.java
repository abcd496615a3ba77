package org.parc.extract;

/** What a credited person or organization did for an article. */
public enum Role {
    AUTHOR, EDITOR, PHOTOGRAPHER, TRANSLATOR, CONTRIBUTOR;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
