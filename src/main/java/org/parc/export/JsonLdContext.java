package org.parc.export;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * parc's JSON-LD context (vocab/context.jsonld) and article frame (vocab/frames/article.jsonld),
 * read from the jar. They have stable IRIs ({@link #CONTEXT_IRI}, {@link #FRAME_IRI}) but are never
 * fetched: {@link #LOADER} serves those two from the classpath and refuses every other IRI, so
 * JSON-LD processing never touches the network.
 */
public final class JsonLdContext {
    public static final String CONTEXT_IRI = "https://w3id.org/parc/context.jsonld";
    public static final String FRAME_IRI = "https://w3id.org/parc/frames/article.jsonld";
    private static final String ROOT = "/org/parc/vocab/";

    private static final Map<String, String> LOCAL = Map.of(
            CONTEXT_IRI, ROOT + "context.jsonld",
            FRAME_IRI, ROOT + "frames/article.jsonld");

    /** Serves parc's own context and frame; any other remote document is an error. */
    public static final DocumentLoader LOADER = (url, options) -> {
        String resource = LOCAL.get(url.toString());
        if (resource == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "parc loads no JSON-LD documents from the network (" + url + "); inline the context instead");
        }
        return document(resource, url);
    };

    private static final JsonObject CONTEXT = load(CONTEXT_IRI);
    private static final JsonObject FRAME = load(FRAME_IRI);

    private JsonLdContext() {}

    /** The context file: {"@context": {...}}. */
    public static JsonObject contextDocument() {
        return CONTEXT;
    }

    /** The context's object (the value of "@context"), for inlining in outputs. */
    public static JsonObject context() {
        return CONTEXT.getJsonObject("@context");
    }

    public static JsonObject frame() {
        return FRAME;
    }

    private static JsonObject load(String iri) {
        try {
            return (JsonObject) document(LOCAL.get(iri), URI.create(iri)).getJsonContent().orElseThrow();
        } catch (JsonLdError e) {
            throw new IllegalStateException("parc's JSON-LD resource " + iri + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static Document document(String resource, URI url) throws JsonLdError {
        try (InputStream in = JsonLdContext.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource + " on the classpath (vocab/ not packaged?)");
            JsonDocument d = JsonDocument.of(in);
            d.setDocumentUrl(url);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
