package fr.communitydefender.domain.access;

import java.time.Instant;

/**
 * A read-only situation link for partners (préfecture, SDIS, neighbouring communes): status, curve and published
 * statements of the commune's incidents, no personal data. The link carries {@code id} and {@code expiresAt}, signed;
 * the latest version per id on the compacted topic says whether an admin revoked it.
 */
public record SituationLink(String id, String label, String createdBy, Instant createdAt, Instant expiresAt,
    Instant revokedAt, String revokedBy) {
  public SituationLink {
    if (id == null || createdBy == null || createdAt == null || expiresAt == null) {
      throw new IllegalArgumentException("id, createdBy, createdAt and expiresAt are required");
    }
    if (label == null || label.isBlank() || label.length() > 100) {
      throw new IllegalArgumentException("label: required, at most 100 characters (e.g. « Préfecture — COD »)");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt: must be after its creation");
    }
  }

  public boolean usableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public SituationLink revoked(Instant at, String by) {
    return new SituationLink(id, label, createdBy, createdAt, expiresAt, at, by);
  }
}
