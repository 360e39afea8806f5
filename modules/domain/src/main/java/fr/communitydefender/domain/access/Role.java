package fr.communitydefender.domain.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a console account may do: {@code viewer} reads; {@code drafter} also takes and closes incidents and writes drafts
 * and notes; {@code approver} also approves within a severity; {@code admin} also manages accounts, silences, erasure
 * and situation links. An account may hold several. Written in lower case.
 */
public enum Role {
  VIEWER, DRAFTER, APPROVER, ADMIN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role of(String value) {
    for (Role r : values()) {
      if (r.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + value + "' (known: viewer, drafter, approver, admin)");
  }
}
