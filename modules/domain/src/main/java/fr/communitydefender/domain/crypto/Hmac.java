package fr.communitydefender.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one keyed hash of the project: pseudonymous author keys, acknowledgement links, signed webhooks
 * (ours to chat tools and the intake's check of senders' signatures).
 */
public final class Hmac {
  private Hmac() {}

  /** HMAC-SHA256 of the parts, in order (as if concatenated), with {@code key}. */
  public static byte[] sha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature of our webhooks and intakes: HMAC-SHA256 of {@code TIMESTAMP.BODY} with the shared secret. */
  public static byte[] timestamped(String secret, String timestamp, byte[] body) {
    return sha256(secret.getBytes(StandardCharsets.UTF_8), (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
  }
}
