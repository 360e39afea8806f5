package fr.communitydefender.domain.paging;

import fr.communitydefender.domain.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * The signed, expiring token of an acknowledgement link sent with a page: {@code BASE64URL(incident|person|expiry|
 * nonce).BASE64URL(HMAC-SHA256)}. Whoever holds the link may take the incident once, until it expires; any change to
 * the token breaks the signature. The key is the installation's ({@code data/secrets/ack.key}), shared by the pager
 * (which signs) and the console (which checks).
 */
public record AckToken(String incidentId, String personId, Instant expiresAt, String nonce) {
  public AckToken {
    for (String part : new String[] {incidentId, personId, nonce}) {
      if (part == null || part.isBlank() || part.contains("|")) {
        throw new IllegalArgumentException("incidentId, personId and nonce are required, without '|'");
      }
    }
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt: required");
    }
  }

  /** Why a token is refused. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  public String sign(byte[] key) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = b64.encodeToString((incidentId + "|" + personId + "|" + expiresAt.getEpochSecond() + "|" + nonce)
        .getBytes(StandardCharsets.UTF_8));
    return payload + "." + b64.encodeToString(hmac(key, payload));
  }

  /** Checks the signature and the expiry; the caller checks that it was not used yet. */
  public static AckToken verify(String token, byte[] key, Instant now) throws Invalid {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || token.length() > 1000) {
      throw new Invalid("malformed link");
    }
    String payload = token.substring(0, dot);
    byte[] given;
    String[] parts;
    try {
      given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw new Invalid("malformed link");
    }
    if (!MessageDigest.isEqual(hmac(key, payload), given)) {
      throw new Invalid("invalid signature");
    }
    if (parts.length != 4 || !parts[2].matches("\\d{1,12}")) {
      throw new Invalid("malformed link");
    }
    AckToken t = new AckToken(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]);
    if (!now.isBefore(t.expiresAt())) {
      throw new Invalid("link expired");
    }
    return t;
  }

  private static byte[] hmac(byte[] key, String payload) {
    return Hmac.sha256(key, payload.getBytes(StandardCharsets.UTF_8));
  }
}
