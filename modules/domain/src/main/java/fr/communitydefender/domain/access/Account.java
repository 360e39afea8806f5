package fr.communitydefender.domain.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A console account, the latest version per user name on the compacted accounts topic. {@code passwordHash}: an
 * Argon2id hash in PHC format (null for accounts that sign in through OpenID Connect, {@code source} "oidc");
 * {@code updatedBy}: who made this version (an admin, {@code cli} or {@code demo}).
 */
public record Account(String username, String displayName, Set<Role> roles, String passwordHash, boolean disabled,
    String source, Instant updatedAt, String updatedBy) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

  public Account {
    if (username == null || !NAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username: 2 to 64 characters among a-z 0-9 . _ @ -, starting with a letter "
          + "or digit");
    }
    displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
    if (displayName.length() > 100) {
      throw new IllegalArgumentException("displayName: at most 100 characters");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("roles: at least one of viewer, drafter, approver, admin");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    source = source == null ? "local" : source;
    if (updatedAt == null || updatedBy == null || updatedBy.isBlank()) {
      throw new IllegalArgumentException("updatedAt and updatedBy are required");
    }
  }

  public Account with(String newDisplayName, Set<Role> newRoles, String newHash, boolean newDisabled, Instant at,
      String by) {
    return new Account(username, newDisplayName, newRoles, newHash, newDisabled, source, at, by);
  }
}
