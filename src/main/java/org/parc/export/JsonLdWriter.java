package org.parc.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * JSON-LD in parc's context, written one chunk of triples at a time: {"@context": {...}, "@graph": [
 * node, node, ...]}. Each chunk goes RDF → expanded JSON-LD (Titanium fromRdf) → compacted with
 * vocab/context.jsonld (or framed with vocab/frames/article.jsonld), and its node objects are appended,
 * so memory holds one chunk at a time. The context is written inline, so that the file reads offline
 * with any JSON-LD processor; compaction and framing used the same copy from the jar.
 */
final class JsonLdWriter {
    private final Writer w;
    private final boolean framed;
    private boolean any;

    JsonLdWriter(OutputStream out, boolean framed) {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.framed = framed;
    }

    void begin() {
        print("{\n  \"@context\": " + JsonText.pretty(JsonLdContext.context(), 1) + ",\n  \"@graph\": [");
    }

    /** Compacts (or frames) the triples and appends their top-level node objects, sorted by @id. */
    void chunk(Collection<Triple> triples) {
        if (triples.isEmpty()) return;
        List<JsonValue> nodes = framed ? frame(triples) : compact(triples);
        List<String> texts = new ArrayList<>(nodes.size());
        for (JsonValue n : nodes) texts.add(JsonText.pretty(n, 2));
        texts.sort(null);
        for (String t : texts) {
            print(any ? ",\n    " : "\n    ");
            print(t);
            any = true;
        }
    }

    void end() {
        print(any ? "\n  ]\n}\n" : "]\n}\n");
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonArray expanded(Collection<Triple> triples) {
        QuadsToJsonld q = JsonLd.fromRdf().ordered(true);
        try {
            for (Triple t : CanonicalRdf.sorted(triples)) {
                Node o = t.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage();
                    boolean tagged = lang != null && !lang.isEmpty();
                    String dt = o.getLiteralDatatypeURI() == null ? XSDDatatype.XSDstring.getURI() : o.getLiteralDatatypeURI();
                    q.quad(term(t.getSubject()), term(t.getPredicate()), o.getLiteralLexicalForm(), dt,
                            tagged ? lang : null, null, null);
                } else {
                    q.quad(term(t.getSubject()), term(t.getPredicate()), term(o), null, null, null, null);
                }
            }
            return q.toJsonLd();
        } catch (RdfConsumerException | JsonLdError e) {
            throw new IllegalStateException("cannot convert to JSON-LD: " + e.getMessage(), e);
        }
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.getURI();
    }

    private static List<JsonValue> compact(Collection<Triple> triples) {
        try {
            JsonObject c = JsonLd.compact(JsonDocument.of(expanded(triples)), JsonDocument.of(JsonLdContext.contextDocument()))
                    .loader(JsonLdContext.LOADER).ordered(true).get();
            return nodes(c);
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static List<JsonValue> frame(Collection<Triple> triples) {
        try {
            JsonObject f = JsonLd.frame(JsonDocument.of(expanded(triples)), JsonDocument.of(JsonLdContext.frame()))
                    .loader(JsonLdContext.LOADER).ordered(true).omitGraph(false).omitDefault(true).get();
            return nodes(f);
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD framing failed: " + e.getMessage(), e);
        }
    }

    /** The node objects of a compacted document: its @graph, or the document itself minus @context. */
    private static List<JsonValue> nodes(JsonObject doc) {
        if (doc.containsKey("@graph")) {
            JsonValue g = doc.get("@graph");
            return g.getValueType() == JsonValue.ValueType.ARRAY ? new ArrayList<>(g.asJsonArray()) : List.of(g);
        }
        var b = jakarta.json.Json.createObjectBuilder(doc);
        b.remove("@context");
        JsonObject node = b.build();
        return node.isEmpty() ? List.of() : List.of(node);
    }

    private void print(String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
