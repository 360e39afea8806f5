package fr.communitydefender.storage.mentions;

import fr.communitydefender.domain.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Replaces an author's handle by a keyed hash (HMAC-SHA-256, 16 bytes, hex): the same author always gets the same key,
 * so counts, top authors and erasure requests work, but the stored documents do not name anyone. The secret stays
 * with the installation.
 */
public final class Pseudonymizer {
  private final byte[] secret;

  public Pseudonymizer(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("pseudonymisation secret: at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  /** The key of an author handle (case and a leading {@code @} ignored); null for null. */
  public String key(String author) {
    if (author == null || author.isBlank()) {
      return null;
    }
    String normal = author.strip().toLowerCase(Locale.ROOT);
    normal = normal.startsWith("@") ? normal.substring(1) : normal;
    byte[] h = Hmac.sha256(secret, normal.getBytes(StandardCharsets.UTF_8));
    return "a_" + HexFormat.of().formatHex(h, 0, 16);
  }
}
