package org.parc.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.parc.source.Packages;

/**
 * Lists the files under the ingest roots in a stable (sorted) order, with their paths relative to
 * the root they were found under. Symbolic links are followed. Whatever cannot be ingested (an
 * unreadable file or folder, a broken link, a link loop, a fifo or device) becomes a failure
 * naming the reason, never an abort and never a silent omission; hidden files are left out, and a
 * folder that is an archive's store is left out with a line saying so.
 */
public final class FileWalker {
    /**
     * A file to ingest, or a failure met while walking, or a folder left out with the reason.
     *
     * @param pkg the package the file was unpacked from (its path is then a temporary copy), or null
     * @param url where a web archive captured it, or null
     * @param skipped why the folder at this path is left out, or null
     */
    public record Entry(Path path, String relativePath, String failure, Packages.Package pkg, String url, String skipped) {
        public Entry(Path path, String relativePath, String failure, Packages.Package pkg, String url) {
            this(path, relativePath, failure, pkg, url, null);
        }

        public Entry(Path path, String relativePath, String failure) {
            this(path, relativePath, failure, null, null, null);
        }

        static Entry skipped(Path path, String relativePath, String why) {
            return new Entry(path, relativePath, null, null, null, why);
        }
    }

    static final String AN_ARCHIVE = "an archive's own store (a TDB2 database), not sources: left out";

    /**
     * A TDB2 database (a parc archive's store), or a folder of one: ingesting its index files would
     * archive binary noise, and the archive's own, while it is being written.
     */
    static boolean isStore(Path dir) {
        if (Files.isRegularFile(dir.resolve("tdb.lock")) || isStoreData(dir)) return true;
        try (var children = Files.newDirectoryStream(dir, "Data-[0-9][0-9][0-9][0-9]")) {
            for (Path c : children) if (isStoreData(c)) return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static boolean isStoreData(Path dir) {
        return Files.isRegularFile(dir.resolve("nodes.dat")) && (Files.isRegularFile(dir.resolve("GSPO.bpt")) || Files.isRegularFile(dir.resolve("SPO.bpt")));
    }

    private FileWalker() {}

    public static List<Entry> walk(List<Path> roots) {
        List<Entry> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root) && isStore(root)) {
                out.add(Entry.skipped(root, name(root), AN_ARCHIVE));
            } else if (Files.isDirectory(root)) {
                walkDir(root, out);
            } else if (Files.isRegularFile(root)) {
                out.add(new Entry(root, name(root), null));
            } else if (Files.isSymbolicLink(root)) {
                out.add(new Entry(root, name(root), linkFailure(root)));
            } else if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new Entry(root, root.toString(), "no such file or folder"));
            } else {
                out.add(new Entry(root, name(root), "not a regular file (a fifo, socket or device)"));
            }
        }
        return out;
    }

    private static void walkDir(Path root, List<Entry> out) {
        List<Entry> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    if (hidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (isStore(dir)) {
                        found.add(Entry.skipped(dir, rel(root, dir), AN_ARCHIVE));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file)) return FileVisitResult.CONTINUE;
                    String rel = rel(root, file);
                    if (attrs.isRegularFile()) found.add(new Entry(file, rel, null));
                    // Following links, the walker hands a link's own attributes only when its target is missing.
                    else if (attrs.isSymbolicLink()) found.add(new Entry(file, rel, linkFailure(file)));
                    else found.add(new Entry(file, rel, "not a regular file (a fifo, socket or device)"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!hidden(file)) found.add(new Entry(file, rel(root, file), ioReason(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    // A folder that could be opened but not listed to the end.
                    if (e != null) found.add(new Entry(dir, rel(root, dir), "cannot list folder: " + ioReason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            found.add(new Entry(root, name(root), "cannot list folder: " + ioReason(e)));
        }
        found.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        out.addAll(found);
    }

    /** Why a symbolic link cannot be followed: a loop (it leads back to itself) or a missing target. */
    static String linkFailure(Path link) {
        try {
            link.toRealPath();
            return "cannot follow symbolic link";
        } catch (IOException e) {
            return e instanceof NoSuchFileException ? "broken symbolic link (its target is missing)" : ioReason(e);
        }
    }

    /**
     * A short reason for an I/O failure on a file, without the absolute path Java's exception
     * messages carry (the reason goes into reports that may be shared).
     */
    public static String ioReason(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) e = u.getCause();
        if (e instanceof FileSystemLoopException) return "symbolic link loop";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "broken link or vanished file";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof FileSystemException fse) {
            String r = fse.getReason();
            if (r != null && r.contains("levels of symbolic links")) return "symbolic link loop";
            return r != null ? "cannot read: " + r.toLowerCase(java.util.Locale.ROOT) : "cannot read";
        }
        if (e instanceof InvalidPathException) return "file name not representable on this system";
        String m = e.getMessage();
        return "cannot read: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static boolean hidden(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(".");
    }

    private static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String name(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
