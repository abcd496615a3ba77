package org.parc.extract.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A small table of well-known aliases ("US", "U.S.", "America" → "United States"), keyed on folded names. */
public final class Aliases {
    private final Map<String, String> canonical;

    private Aliases(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
    }

    /** The shipped table (aliases.tsv in this package). */
    public static Aliases shipped() {
        return Holder.SHIPPED;
    }

    /** Table from explicit rows: canonical name followed by its aliases. */
    public static Aliases of(String[]... rows) {
        Map<String, String> m = new HashMap<>();
        for (String[] row : rows) {
            for (String a : row) m.put(Names.fold(a), row[0]);
        }
        return new Aliases(m);
    }

    /** The canonical name for a name or alias in the table, else null. */
    public String canonical(String name) {
        return canonical.get(Names.fold(name));
    }

    /** The shipped table's rows: canonical name first, then its aliases. */
    static java.util.List<String[]> rows() {
        return Holder.ROWS;
    }

    private static final class Holder {
        static final java.util.List<String[]> ROWS = new java.util.ArrayList<>();
        static final Aliases SHIPPED = load();

        private static Aliases load() {
            Map<String, String> m = new HashMap<>();
            try (InputStream in = Aliases.class.getResourceAsStream("aliases.tsv")) {
                if (in == null) throw new IllegalStateException("aliases.tsv missing from the classpath");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split("\t");
                    ROWS.add(java.util.Arrays.stream(f).map(String::strip).filter(a -> !a.isEmpty()).toArray(String[]::new));
                    for (String a : f) {
                        if (!a.isBlank()) m.put(Names.fold(a), f[0].strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Aliases(m);
        }
    }
}
