package fr.communitydefender.domain.incident;

import java.time.Instant;

/**
 * The team's summary of an incident, for the cover of its report (« synthèse »): the latest version per incident on
 * a compacted topic, written from the console by a signed-in member of the team.
 */
public record IncidentSummary(String incidentId, String text, Instant updatedAt, String updatedBy) {
  public static final int MAX_LENGTH = 5_000;

  public IncidentSummary {
    if (incidentId == null || updatedAt == null || updatedBy == null) {
      throw new IllegalArgumentException("incidentId, updatedAt and updatedBy are required");
    }
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text: at most " + MAX_LENGTH + " characters");
    }
  }
}
