package fr.communitydefender.enrichment.explain;

import java.util.List;
import java.util.Map;

/**
 * Why an incident is what it is, from a sample of its mentions: how many, their sentiment, the words that drove the
 * sentiment, the most frequent terms (counted once per mention), the named entities, a one-line French summary, the
 * sources, and the three mentions of widest reach.
 * Every count is over the sample; the text is untrusted and must be escaped where displayed.
 */
public record Explanation(int sampleSize, Map<String, Long> sentiment, List<Count> drivers, List<Count> terms,
    List<EntityCount> entities, String summary, Map<String, Long> sources, List<Post> topPosts) {

  /** One of the widest-reaching mentions of the sample (its text is untrusted). */
  public record Post(String id, String text, String source, long reach) {}

  public record Count(String key, long count) {}

  public record EntityCount(String text, String type, long count) {}

  public Explanation {
    sentiment = Map.copyOf(sentiment);
    drivers = List.copyOf(drivers);
    terms = List.copyOf(terms);
    entities = List.copyOf(entities);
    sources = Map.copyOf(sources);
    topPosts = List.copyOf(topPosts);
  }
}
