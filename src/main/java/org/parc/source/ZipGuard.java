package org.parc.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses ZIP-based files (Office documents, EPUB, plain zips) whose central directory promises a
 * decompression bomb, before any parser inflates them: POI builds a DOM of a whole Word part, so a
 * 1 GB document.xml would cost minutes and gigabytes before Tika's output-based guard could see it.
 * Reads only the directory. Sizes in a crafted directory can lie; the streaming limits (write limit,
 * Tika's SecureContentHandler, POI's inflate-ratio check) stay in place for that.
 */
final class ZipGuard {
    /** An entry may inflate to at most this many times its compressed size once it is large. */
    static final long MAX_RATIO = 100;
    static final long LARGE_ENTRY = 64L * 1024 * 1024;
    /** All entries together may inflate to at most this. */
    static final long MAX_TOTAL = 2L * 1024 * 1024 * 1024;

    private ZipGuard() {}

    /** Throws when the file is a ZIP whose entries would expand far beyond its size. */
    static void check(Path file) throws SourceException {
        if (!isZip(file)) return;
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                long size = e.getSize();
                long packed = Math.max(1, e.getCompressedSize());
                if (size < 0) continue;
                total += size;
                if (size > LARGE_ENTRY && size / packed > MAX_RATIO) {
                    throw new SourceException("suspected zip bomb (expands far beyond its size): " + e.getName()
                            + " would inflate " + packed + " bytes to " + size);
                }
                if (total > MAX_TOTAL) {
                    throw new SourceException("suspected zip bomb (expands far beyond its size): entries would inflate to over "
                            + MAX_TOTAL + " bytes");
                }
            }
        } catch (IOException e) {
            // Not a readable zip directory (cut off, damaged): the parser will say what it makes of it.
        }
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
