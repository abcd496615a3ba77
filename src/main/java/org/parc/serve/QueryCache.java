package org.parc.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps the responses of repeated SPARQL queries in memory, least recently used out first. A
 * query's answer changes only when the data does: each response is stored with the store's write
 * generation (the write transactions begun so far) and the whole cache is dropped when that moves.
 * Under {@code parc serve} it never moves (the server is read-only and the store is locked to its
 * process), so a researcher's repeated question, a page reloaded, or many readers of one saved
 * query get the computed answer again without computing it.
 * <p>
 * Only complete answers are kept: status 200, written through the output stream, not cancelled by
 * the timeout (Fuseki then sets status 503 after the body has begun), no larger than a set share
 * of the cache. The key is the endpoint's operation, every request parameter (the query, default
 * and named graphs, output format) and the Accept header; replayed headers are the content's own
 * (type, Vary, Cache-Control), never per-request ones such as CORS.
 */
final class QueryCache implements Filter {
    /** The paths of the query operation under the dataset: /parc, /parc/sparql, /parc/query. */
    private final Set<String> queryPaths;
    private final LongSupplier generation;
    private final long maxBytes;
    private final long maxEntryBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long generationHeld = Long.MIN_VALUE;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** The headers a response carries for its content, replayed with it; others (CORS, request ids) are per request. */
    private static final List<String> CONTENT_HEADERS = List.of("Vary", "Cache-Control", "Pragma");

    private record Entry(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /**
     * @param dataset    the dataset's path, e.g. /parc
     * @param generation the store's write generation (changes whenever its data may have)
     * @param maxBytes   the bodies kept at most, in bytes (one body at most an eighth of it)
     */
    QueryCache(String dataset, LongSupplier generation, long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("cache size " + maxBytes);
        this.queryPaths = Set.of(dataset, dataset + "/", dataset + "/sparql", dataset + "/query");
        this.generation = generation;
        this.maxBytes = maxBytes;
        this.maxEntryBytes = Math.max(1, maxBytes / 8);
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(req);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long gen = generation.getAsLong();
        Entry hit = get(key, gen);
        if (hit != null) {
            hits.incrementAndGet();
            resp.setStatus(HttpServletResponse.SC_OK);
            if (hit.contentType() != null) resp.setContentType(hit.contentType());
            for (Map.Entry<String, String> h : hit.headers()) resp.addHeader(h.getKey(), h.getValue());
            resp.setContentLength(hit.body().length);
            resp.getOutputStream().write(hit.body());
            return;
        }
        misses.incrementAndGet();
        Capture capture = new Capture(resp, maxEntryBytes);
        chain.doFilter(request, capture);
        byte[] body = capture.complete();
        // A write that began while the query ran may or may not be in its answer: keep nothing.
        if (body != null && generation.getAsLong() == gen) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : CONTENT_HEADERS) {
                for (String v : resp.getHeaders(name)) headers.add(Map.entry(name, v));
            }
            put(key, new Entry(resp.getContentType(), List.copyOf(headers), body), gen);
        }
    }

    /** The request's cache key, or null for what is not a cacheable query request. */
    private String key(HttpServletRequest req) {
        String method = req.getMethod();
        boolean post = "POST".equals(method);
        if (!"GET".equals(method) && !post) return null;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!queryPaths.contains(path)) return null;
        // A POSTed query in the body (application/sparql-query) is left alone: reading it here would take it from Fuseki.
        if (post && !String.valueOf(req.getContentType()).toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        Map<String, String[]> params = req.getParameterMap();
        if (!params.containsKey("query")) return null;
        StringBuilder k = new StringBuilder(256);
        k.append(req.getHeader("Accept")).append('\u0000');
        params.keySet().stream().sorted().forEach(name -> {
            k.append(name).append('\u0001');
            for (String v : params.get(name)) k.append(v).append('\u0002');
            k.append('\u0000');
        });
        return k.toString();
    }

    private synchronized Entry get(String key, long gen) {
        if (gen != generationHeld) return null;
        return entries.get(key);
    }

    private synchronized void put(String key, Entry e, long gen) {
        if (gen != generationHeld) {
            entries.clear();
            bytes = 0;
            generationHeld = gen;
        }
        Entry old = entries.put(key, e);
        if (old != null) bytes -= old.body().length;
        bytes += e.body().length;
        for (Iterator<Entry> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().body().length;
            it.remove();
        }
    }

    /** The response, with a copy of its body while that stays under the limit. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final long limit;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(8192);
        private int status = SC_OK;
        private boolean other; // an error sent, a writer used: not kept
        private ServletOutputStream stream;

        Capture(HttpServletResponse response, long limit) {
            super(response);
            this.limit = limit;
        }

        /** The body if the response is complete and may be kept, else null. */
        byte[] complete() {
            return status == SC_OK && !other && copy != null ? copy.toByteArray() : null;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            other = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            other = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            other = true;
            super.sendRedirect(location);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            other = true;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) stream = new Tee(super.getOutputStream());
            return stream;
        }

        private void copy(byte[] b, int off, int len) {
            if (copy == null) return;
            if (copy.size() + (long) len > limit) {
                copy = null; // too large to keep; the client still gets all of it
                return;
            }
            copy.write(b, off, len);
        }

        private final class Tee extends ServletOutputStream {
            private final ServletOutputStream out;

            Tee(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                copy(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                copy(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }
    }
}
