package org.parc.extract;

import java.util.List;
import org.parc.source.NormalizedDocument;

/** The whole document as one story. */
public final class SingleStorySplitter implements StorySplitter {
    @Override
    public List<Story> split(NormalizedDocument doc) {
        return List.of(new Story(1, new Span(0, doc.text().length()), doc.text()));
    }
}
