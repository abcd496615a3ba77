package org.parc.source;

import java.nio.file.Path;

/**
 * One file handed to parc.
 *
 * @param path         where it is on this machine (never recorded in the archive)
 * @param relativePath its path relative to the ingest root, with '/' separators: what the archive records
 * @param size         bytes
 * @param sha256       lower-case hex SHA-256 of the original bytes (fixity)
 */
public record SourceFile(Path path, String relativePath, long size, String sha256) {

    /** The file name alone, as recorded in {@code schema:name}. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
