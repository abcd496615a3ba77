package org.parc.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the files under the ingest roots in a stable (sorted) order, with their paths relative to
 * the root they were found under. Unreadable entries and symlink loops become failures, not aborts.
 */
public final class FileWalker {
    /** A file to ingest, or a failure met while walking. */
    public record Entry(Path path, String relativePath, String failure) {}

    private FileWalker() {}

    public static List<Entry> walk(List<Path> roots) {
        List<Entry> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                out.add(new Entry(root, root.toString(), "no such file or folder"));
            } else if (Files.isDirectory(root)) {
                walkDir(root, out);
            } else {
                out.add(new Entry(root, name(root), null));
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
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file)) found.add(new Entry(file, rel(root, file), null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException ? "symbolic link loop"
                            : e instanceof NoSuchFileException ? "broken link or vanished file"
                            : "cannot read: " + e.getClass().getSimpleName();
                    found.add(new Entry(file, rel(root, file), why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(new Entry(root, name(root), "cannot list folder: " + e.getMessage()));
        }
        found.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        out.addAll(found);
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
