package fr.communitydefender.collectors.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;

/**
 * An intake for other tools and citizen-report forms: {@code POST /api/intake/ID} with one mention, an array, or
 * {@code {"mentions": [...]}} in our JSON schema, authenticated by a bearer {@code token}, by an HMAC signature
 * ({@code hmac_secret}: {@code X-CD-Timestamp} and {@code X-CD-Signature: sha256=HEX} of {@code TIMESTAMP.BODY}),
 * or both; at most {@code max_bytes} (default 1 MiB) and {@code max_batch} mentions (default 500) a request.
 */
public record WebhookConfig(
    String id,
    Secret token,
    @JsonProperty("hmac_secret") Secret hmacSecret,
    @JsonProperty("max_bytes") Integer maxBytes,
    @JsonProperty("max_batch") Integer maxBatch) implements SourceConfig {
  public WebhookConfig {
    SourceConfig.checkId(id);
    token = Secret.check(token, "token", false);
    hmacSecret = Secret.check(hmacSecret, "hmac_secret", false);
    if (token == null && hmacSecret == null) {
      throw new FieldException("token", "an intake needs a token or an hmac_secret (never open to anyone)");
    }
    maxBytes = FieldException.between(maxBytes, 1 << 20, 1024, 16 << 20, "max_bytes");
    maxBatch = FieldException.between(maxBatch, 500, 1, 10_000, "max_batch");
  }

  @Override
  public String type() {
    return "webhook";
  }
}
