package org.parc.extract;

import java.util.List;
import org.parc.source.NormalizedDocument;

/** Stage: find the stories a document holds (usually one). */
@FunctionalInterface
public interface StorySplitter {
    List<Story> split(NormalizedDocument doc);
}
