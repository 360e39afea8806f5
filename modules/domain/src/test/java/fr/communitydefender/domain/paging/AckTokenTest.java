package fr.communitydefender.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckTokenTest {
  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private final AckToken token = new AckToken("spike.ville.1", "camille", now.plusSeconds(3600), "n1");

  @Test
  void shouldVerifyATokenItSignedUntilItExpires() throws Exception {
    String signed = token.sign(key);
    assertThat(AckToken.verify(signed, key, now)).isEqualTo(token);
    assertThat(AckToken.verify(signed, key, now.plusSeconds(3599))).isEqualTo(token);
    assertThatThrownBy(() -> AckToken.verify(signed, key, now.plusSeconds(3600))).hasMessage("link expired");
  }

  @Test
  void shouldRefuseATamperedTokenOrAnotherKey() {
    String signed = token.sign(key);
    String forged = new AckToken("spike.ville.2", "camille", now.plusSeconds(3600), "n1").sign(key)
        .split("\\.")[0] + "." + signed.split("\\.")[1];
    assertThatThrownBy(() -> AckToken.verify(forged, key, now)).hasMessage("invalid signature");
    assertThatThrownBy(() -> AckToken.verify(signed, "another key, thirty-two bytes!!!".getBytes(StandardCharsets.UTF_8),
        now)).hasMessage("invalid signature");
    assertThatThrownBy(() -> AckToken.verify("garbage", key, now)).hasMessage("malformed link");
    assertThatThrownBy(() -> AckToken.verify("a.b!", key, now)).hasMessage("malformed link");
  }
}
