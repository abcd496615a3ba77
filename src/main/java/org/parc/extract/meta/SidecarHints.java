package org.parc.extract.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parc.extract.Credit;
import org.parc.extract.Evidence;
import org.parc.extract.Hints;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;

/**
 * What the user says about a file: a sidecar {@code FILE.json} next to {@code FILE}
 * ({"url", "outlet", "date": "YYYY[-MM[-DD]]", "creators": ["Name", ...] or [{"name", "role",
 * "organization"}]}) and a source URL given on the command line. An explicit source URL wins over
 * the sidecar's "url". A sidecar that is not valid JSON, or has an invalid date, is an error (a
 * librarian's typo must not be ignored silently).
 */
public final class SidecarHints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SidecarHints() {}

    /** The sidecar of a file: its name plus ".json". */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName().toString() + ".json");
    }

    /**
     * Hints for one file.
     *
     * @param sourceUrl the --source-url, or null
     * @throws IllegalArgumentException when the sidecar exists but is not usable
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Hints forFile(Path file, String sourceUrl) {
        String url = blankToNull(sourceUrl);
        Path side = file == null ? null : sidecarOf(file);
        if (side == null || !Files.isRegularFile(side)) {
            return url == null ? Hints.NONE : new Hints(url, null, null, List.of(), "--source-url");
        }
        String origin = "sidecar " + side.getFileName();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(side));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": cannot read", e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(origin + ": expected a JSON object");
        String urlOrigin = url != null ? "--source-url" : origin;
        if (url == null) url = text(root, "url");
        String outlet = text(root, "outlet");
        PartialDate date = null;
        String d = text(root, "date");
        if (d != null) {
            try {
                date = PartialDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(origin + ": \"date\" must be YYYY, YYYY-MM or YYYY-MM-DD, not " + d, e);
            }
        }
        Evidence ev = Evidence.of("hint", origin);
        List<Credit> creators = new ArrayList<>();
        JsonNode cs = root.get("creators");
        if (cs != null && cs.isTextual()) cs = JSON.createArrayNode().add(cs);
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) {
                String name = c.isTextual() ? blankToNull(c.asText()) : text(c, "name");
                if (name == null) continue;
                Role role = role(c.isObject() ? text(c, "role") : null, origin);
                boolean org = c.isObject() && c.has("organization") ? c.get("organization").asBoolean()
                        : c.isObject() && "organization".equalsIgnoreCase(text(c, "type")) || Bylines.isAgency(name);
                creators.add(new Credit(name, role, org, ev));
            }
        }
        return new Hints(url, outlet, date, List.copyOf(creators), origin, url == null ? null : urlOrigin);
    }

    private static Role role(String r, String origin) {
        if (r == null) return Role.AUTHOR;
        try {
            return Role.valueOf(r.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": unknown role \"" + r + "\" (author, editor, photographer, translator, contributor)");
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || !v.isValueNode() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
