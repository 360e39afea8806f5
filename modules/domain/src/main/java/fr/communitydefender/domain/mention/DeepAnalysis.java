package fr.communitydefender.domain.mention;

import java.time.Instant;

/**
 * The deep tier's second opinion on one mention, published after the fact (keyed by mention id) so the stored mention
 * can be updated: {@code publishedAt} locates its daily index.
 */
public record DeepAnalysis(String mentionId, Instant publishedAt, MentionAnalysis analysis) {
  public DeepAnalysis {
    if (mentionId == null || publishedAt == null || analysis == null) {
      throw new IllegalArgumentException("mentionId, publishedAt and analysis are required");
    }
  }
}
