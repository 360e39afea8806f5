package fr.communitydefender.console.access;

import fr.communitydefender.domain.access.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request needs. {@code PUBLIC}: nothing (the page's files, the login, links that carry their own signature,
 * webhooks with their own authentication); {@code READ}: any account; {@code RESPOND}: take and close incidents;
 * {@code APPROVE}: approve or reject drafts (the approval chains say which, four-eyes applies); {@code ADMIN}: accounts,
 * silences, erasure, situation links, the wording library.
 */
public enum Permission {
  PUBLIC, READ, RESPOND, APPROVE, ADMIN;

  /** The permissions an account with these roles holds. */
  public static Set<Permission> of(Set<Role> roles) {
    Set<Permission> out = EnumSet.of(PUBLIC);
    if (!roles.isEmpty()) {
      out.add(READ);
    }
    if (roles.contains(Role.DRAFTER) || roles.contains(Role.APPROVER) || roles.contains(Role.ADMIN)) {
      out.add(RESPOND);
    }
    if (roles.contains(Role.APPROVER)) {
      out.add(APPROVE);
    }
    if (roles.contains(Role.ADMIN)) {
      out.add(ADMIN);
    }
    return out;
  }
}
