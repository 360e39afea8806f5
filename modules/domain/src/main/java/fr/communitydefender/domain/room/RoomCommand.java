package fr.communitydefender.domain.room;

import fr.communitydefender.domain.access.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request to change an incident's room, keyed by incident id on the commands topic. {@code actor} and {@code roles}
 * come from the console's session (or {@code system:…} for the pipeline's own facts), never from the request body;
 * {@code args}: the command's arguments as text (validated by the room stage, which alone decides). {@code id}: unique,
 * the answer on the outcomes topic carries it.
 */
public record RoomCommand(String id, String incidentId, Type type, String actor, Set<Role> roles, Instant at,
    Map<String, String> args) {

  /** What is asked; {@link #path()} is its name in the API ({@code POST /api/incidents/:id/room/<path>}). */
  public enum Type {
    NOTE, DECISION, ASSIGN_ROLE, ATTACH, DETACH, STATUS, SEVERITY,
    DRAFT_CREATE, DRAFT_SAVE, COMMENT, SUBMIT, APPROVE, REJECT, PUBLISH, SCHEDULE, CANCEL_SCHEDULE,
    PUBLISHED_ELSEWHERE,
    /** The publisher's report (system only). */
    PUBLISHED, PUBLISH_FAILED,
    /** The commune's suspend switch, copied into each open room (system only). */
    SWITCH;

    @com.fasterxml.jackson.annotation.JsonValue
    public String path() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Type of(String value) {
      for (Type t : values()) {
        if (t.path().equals(value)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown room command '" + value + "'");
    }

    /** Only the pipeline sends these. */
    public boolean system() {
      return this == PUBLISHED || this == PUBLISH_FAILED || this == SWITCH;
    }
  }

  public RoomCommand {
    if (id == null || id.isBlank() || incidentId == null || incidentId.isBlank() || type == null || actor == null
        || actor.isBlank() || at == null) {
      throw new IllegalArgumentException("id, incidentId, type, actor and at are required");
    }
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(args));
  }

  public String arg(String name) {
    String v = args.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
