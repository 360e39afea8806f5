package fr.communitydefender.domain.access;

import java.time.Instant;
import java.util.List;

/**
 * One write made through the console, for the main courante: who ({@code actor}, an account name, with the roles it
 * held), from where ({@code address}: the client's IP address), what ({@code action}, e.g. {@code silence.create},
 * {@code gdpr.erasure}), on what ({@code target}) and the answer's HTTP {@code status}. Never a password or a token.
 */
public record AuditEntry(String id, Instant at, String actor, List<String> roles, String address, String action,
    String target, String detail, int status) {
  public AuditEntry {
    if (id == null || at == null || actor == null || action == null) {
      throw new IllegalArgumentException("id, at, actor and action are required");
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
