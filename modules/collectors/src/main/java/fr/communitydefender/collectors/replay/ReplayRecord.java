package fr.communitydefender.collectors.replay;

import fr.communitydefender.domain.mention.Mention;

/** One line of a recorded dataset: a mention, or a malformed line with the reason. */
public sealed interface ReplayRecord {
  long line();

  record Parsed(long line, Mention mention) implements ReplayRecord {}

  record Malformed(long line, String reason, String payload) implements ReplayRecord {}
}
