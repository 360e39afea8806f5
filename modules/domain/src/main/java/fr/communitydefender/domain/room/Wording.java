package fr.communitydefender.domain.room;

import java.time.Instant;
import java.util.List;

/**
 * An approved wording (« élément de langage », {@code kind} "element") or a template ({@code kind} "template") for a
 * scenario (flood, storm, heatwave, strike, water-cut, cyber-attack, road-works, any), with variables written
 * {@code {commune}}, {@code {lieu}}, {@code {heure}}, {@code {date}}, {@code {numero}}. Compacted topic keyed by id; a
 * null value removes an admin's entry.
 */
public record Wording(String id, String kind, String scenario, String title, String text, List<String> tags,
    String updatedBy, Instant updatedAt) {
  public Wording {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
