package org.parc.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parc.ParcException;

/**
 * The library of saved queries shipped in vocab/queries/*.rq (in the jar at
 * org/parc/vocab/queries/). Thread-safe and immutable once loaded.
 */
public final class SavedQueries {
    public static final String FOLDER = "org/parc/vocab/queries/";
    private static final Pattern PARAM = Pattern.compile(
            "@param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+(iri|string|name|date|integer)\\s+(required|optional)\\s*(.*)");

    private static volatile SavedQueries shipped;

    private final Map<String, SavedQuery> byName;

    private SavedQueries(Map<String, SavedQuery> byName) {
        this.byName = byName;
    }

    /** The queries shipped with parc (loaded once from the classpath). */
    public static SavedQueries shipped() {
        SavedQueries s = shipped;
        if (s == null) {
            synchronized (SavedQueries.class) {
                if (shipped == null) shipped = load();
                s = shipped;
            }
        }
        return s;
    }

    public List<SavedQuery> all() {
        return List.copyOf(byName.values());
    }

    public SavedQuery get(String name) {
        SavedQuery q = byName.get(name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name);
        if (q == null) {
            throw ParcException.usage("no saved query named '" + name + "' (parc query --list shows them: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return q;
    }

    /** Parses one .rq file's text. */
    public static SavedQuery parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        List<SavedQuery.Param> params = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!l.startsWith("#")) break;
            String c = l.replaceFirst("^#+\\s?", "").strip();
            Matcher m = PARAM.matcher(c);
            if (m.matches()) {
                params.add(new SavedQuery.Param(m.group(1), SavedQuery.Type.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                        m.group(3).equals("required"), m.group(4).strip()));
            } else if (c.startsWith("@")) {
                throw new IllegalStateException("saved query " + name + ": malformed header line: " + l);
            } else {
                if (description.length() > 0) description.append(' ');
                description.append(c);
            }
        }
        for (String p : SavedQuery.conditionNames(text)) {
            if (params.stream().noneMatch(x -> x.name().equals(p))) {
                throw new IllegalStateException("saved query " + name + ": a line depends on '" + p + "', which is not a parameter");
            }
        }
        return new SavedQuery(name, description.toString(), List.copyOf(params), text);
    }

    private static SavedQueries load() {
        URL url = SavedQueries.class.getClassLoader().getResource(FOLDER);
        if (url == null) throw new IllegalStateException("the saved queries (" + FOLDER + ") are missing from the classpath");
        Map<String, SavedQuery> out = new TreeMap<>();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                }
                try {
                    read(fs.getPath("/" + FOLDER), out);
                } finally {
                    if (close) fs.close();
                }
            } else {
                read(Path.of(uri), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new SavedQueries(out);
    }

    private static void read(Path dir, Map<String, SavedQuery> out) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".rq")).toList()) {
                String file = p.getFileName().toString();
                String name = file.substring(0, file.length() - 3);
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(name, parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
    }
}
