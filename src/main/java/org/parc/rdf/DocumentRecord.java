package org.parc.rdf;

import java.util.List;
import org.parc.extract.Article;
import org.parc.extract.Hints;
import org.parc.source.NormalizedDocument;

/**
 * Everything ingest learned about one source file: mapped to RDF as one named graph.
 *
 * @param doc        the normalized document (with its source file)
 * @param articles   the articles found in it
 * @param runs       the stage runs, in order
 * @param previousSha256 the checksum of the source file this one replaces at the same path, or null
 * @param hints      what the user said about the file
 */
public record DocumentRecord(NormalizedDocument doc, List<Article> articles, List<StageRun> runs,
                             String previousSha256, Hints hints) {}
