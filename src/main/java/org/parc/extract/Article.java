package org.parc.extract;

import java.util.List;

/** Everything parc says about one article: the story, its description, its dates and entities. */
public record Article(Story story, ArticleMetadata metadata, List<DateMention> dates, List<Entity> entities) {}
