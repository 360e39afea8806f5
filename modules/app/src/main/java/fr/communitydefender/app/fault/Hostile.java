package fr.communitydefender.app.fault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Malformed and hostile inputs, one kind per index: each either dead-lettered with a reason, refused, or stored. */
final class Hostile {
  private Hostile() {}

  /** {@code storable}: a valid mention (hostile text, odd dates) that must be stored safely, under {@code id}. */
  record Input(String id, byte[] body, boolean storable) {}

  /** Every input carries {@code tag#i#} somewhere (in its text when it has one), to find it in the dead letters. */
  static Input input(int i, String tagOnly) {
    String tag = tagOnly + "#" + i + "#";
    String id = "hostile:" + tagOnly + "-" + i;
    String script = "<script>alert('" + i + "')</script><img src=x onerror=alert(1)>";
    return switch (i % 12) {
      case 0 -> bytes(id, "{\"id\":\"" + id + "\",\"text\":\"tronqué " + tag, false);
      case 1 -> new Input(id, concat("{\"id\":\"" + id + "\",\"publishedAt\":\"2026-12-02T10:00:00Z\",\"text\":\""
          + tag + " ", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}"), true);
      case 2 -> bytes(id, mention(id, Instant.now().toString(), tag + " " + "é".repeat(600_000)), false);
      case 3 -> bytes(id, "[".repeat(5000) + "\"" + tag + "\"" + "]".repeat(5000), false);
      case 4 -> bytes(id, "{\"id\":\"" + id + "\",\"publishedAt\":\"2026-12-02T10:00:00Z\",\"text\":\"" + tag
          + "\",\"reach\":1" + "0".repeat(400) + "}", false);
      case 5 -> bytes(id, "{\"id\":\"" + id + "\",\"publishedAt\":true,\"text\":[\"" + tag + "\"]}", false);
      case 6 -> bytes(id, mention(id, Instant.now().toString(), "Sainte-Aure " + tag + " " + script), true);
      case 7 -> bytes(id, "{\"id\":\"" + id + "\",\"publishedAt\":\"" + Instant.now() + "\",\"text\":\"Sainte-Aure "
          + tag + "\",\"author\":\"" + script.replace("\"", "\\\"") + "\",\"url\":\"javascript:alert(1)\","
          + "\"lang\":\"<b>fr</b>\"}", true);
      case 8 -> bytes(id, mention(id, "2999-01-01T00:00:00Z", "Sainte-Aure " + tag + " daté de l'an 2999"), true);
      case 9 -> bytes(id, mention(id, "1900-01-01T00:00:00Z", "Sainte-Aure " + tag + " daté de 1900"), false);
      case 10 -> bytes(id, "{\"unexpected\":\"" + tag + "\"}", false);
      default -> bytes(id, mention(id, Instant.now().toString(), "Sainte-Aure " + tag
          + " \\u0000 \\u202e contrôle ${jndi:ldap://x} ' OR 1=1 -- {{7*7}}"), true);
    };
  }

  private static String mention(String id, String at, String text) {
    return "{\"id\":\"" + id + "\",\"publishedAt\":\"" + at + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
  }

  private static Input bytes(String id, String s, boolean storable) {
    return new Input(id, s.getBytes(StandardCharsets.UTF_8), storable);
  }

  private static byte[] concat(String a, byte[] b, String c) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] z = c.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[x.length + b.length + z.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(b, 0, out, x.length, b.length);
    System.arraycopy(z, 0, out, x.length + b.length, z.length);
    return out;
  }
}
