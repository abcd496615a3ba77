package org.parc.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.parc.rdf.Vocab;

/**
 * Dereferences archive IRIs with content negotiation: {@code GET /article/ID} describes
 * {@code <BASE article/ID>} as Turtle, JSON-LD, N-Triples, RDF/XML or an HTML page, after the
 * Accept header (or {@code ?format=turtle|jsonld|ntriples|rdfxml|html}). {@code GET /} lists the articles.
 */
final class ResourceServlet extends HttpServlet {
    private static final String HTML = "text/html";
    private static final List<Lang> RDF_LANGS = List.of(Lang.TURTLE, Lang.JSONLD, Lang.NTRIPLES, Lang.RDFXML);
    /** What the server offers, in its order of preference when the client does not care. */
    private static final AcceptList OFFER = AcceptList.create("text/turtle", "application/ld+json", HTML,
            "application/n-triples", "application/rdf+xml");

    private final transient Describer describer;
    private final transient Resources resources;
    private final transient Pages pages;

    ResourceServlet(Describer describer, Resources resources, Pages pages) {
        this.describer = describer;
        this.resources = resources;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String type = choose(req);
        resp.setHeader("Vary", "Accept");
        if (type == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "offers text/turtle, application/ld+json, text/html, application/n-triples, application/rdf+xml");
            return;
        }
        try {
            if (path.isEmpty() || path.equals("/")) {
                if (!type.equals(HTML)) {
                    resp.sendRedirect(req.getContextPath() + "/" + ParcServer.DATASET + "/" + "sparql");
                    return;
                }
                html(resp, HttpServletResponse.SC_OK, pages.index(describer.articles()));
                return;
            }
            String iri = resources.iriOf(path);
            Model m = describer.describe(iri);
            if (m.isEmpty()) {
                if (type.equals(HTML)) html(resp, HttpServletResponse.SC_NOT_FOUND, Pages.notFound(iri));
                else resp.sendError(HttpServletResponse.SC_NOT_FOUND, "not in this archive: " + iri);
                return;
            }
            if (type.equals(HTML)) {
                boolean article = m.contains(m.getResource(iri), org.apache.jena.vocabulary.RDF.type, Vocab.NewsArticle);
                html(resp, HttpServletResponse.SC_OK, pages.resource(iri, m, article ? describer.activities(iri) : List.of()));
                return;
            }
            Lang lang = RDF_LANGS.stream().filter(l -> l.getContentType().getContentTypeStr().equals(type)).findFirst().orElse(Lang.TURTLE);
            m.setNsPrefixes(Vocab.PREFIXES);
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(lang.getContentType().getContentTypeStr() + "; charset=utf-8");
            try (OutputStream out = resp.getOutputStream()) {
                if (lang == Lang.JSONLD) RDFDataMgr.write(out, m, RDFFormat.JSONLD11_PRETTY);
                else RDFDataMgr.write(out, m, lang);
            }
        } catch (QueryCancelledException e) {
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the description took longer than the query timeout");
        }
    }

    /** The media type to answer with, or null when nothing offered is acceptable. */
    private static String choose(HttpServletRequest req) {
        String f = req.getParameter("format");
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "html" -> HTML;
                case "jsonld", "json-ld" -> "application/ld+json";
                case "nt", "ntriples", "n-triples" -> "application/n-triples";
                case "rdf", "rdfxml", "rdf/xml", "xml" -> "application/rdf+xml";
                default -> "text/turtle";
            };
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return "text/turtle";
        MediaType m;
        try {
            m = AcceptList.match(new AcceptList(accept), OFFER);
        } catch (RuntimeException e) {
            return "text/turtle";
        }
        return m == null ? null : m.getContentTypeStr();
    }

    private static void html(HttpServletResponse resp, int status, String page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }
}
