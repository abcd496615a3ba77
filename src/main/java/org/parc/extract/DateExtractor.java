package org.parc.extract;

import java.util.List;

/** Stage: the dated expressions of a text; relative ones resolved against {@code issued} if known, else left out. */
@FunctionalInterface
public interface DateExtractor {
    List<DateMention> extract(String text, PartialDate issued);
}
