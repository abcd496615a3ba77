package org.parc.source;

import java.nio.file.Path;

/**
 * One file handed to parc.
 *
 * @param path         where it is on this machine (never recorded in the archive)
 * @param relativePath its path relative to the ingest root, with '/' separators: what the archive records
 * @param size         bytes
 * @param sha256       lower-case hex SHA-256 of the original bytes (fixity)
 * @param pkg          the package (ZIP, tar) it was unpacked from, or null; relativePath is then
 *                     the package's, "!/" and the member's path inside it
 */
public record SourceFile(Path path, String relativePath, long size, String sha256, Packages.Package pkg) {

    public SourceFile(Path path, String relativePath, long size, String sha256) {
        this(path, relativePath, size, sha256, null);
    }

    /** The file name alone, as recorded in {@code schema:name}. */
    public String fileName() {
        return nameOf(relativePath);
    }

    /**
     * The last segment of a relative path ("a.html" of "batch.zip!/2017/a.html"; "news" of a web
     * archive's "crawl.warc!/https://example.com/news/" and of its "… (capture 2)").
     */
    public static String nameOf(String relativePath) {
        // A web archive's second capture of a URI is "URI (capture 2)": its name is the URI's.
        String p = relativePath.replaceFirst(" \\(capture \\d+\\)$", "");
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
