package fr.communitydefender.paging.channel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * SMS text in the GSM 03.38 alphabet: one message holds 160 characters (153 per part when concatenated), extension
 * characters ({@code €[]{}^~|\}) count twice. French accents outside the alphabet ({@code ê, â, î, ô, û, ç, ë, ï})
 * are replaced by the nearest letter rather than sending UCS-2 (70 characters a message); those the alphabet has
 * ({@code é, è, à, ù, ì, ò, Ç, É}) are kept.
 */
public final class Gsm7 {
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENDED = "^{}\\[~]|€";

  private Gsm7() {}

  /** The text mapped to the GSM alphabet (unknown characters → their base letter, or '?'). */
  public static String encode(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0) {
        sb.append(c);
        continue;
      }
      String replacement = switch (c) {
        case '’', '‘' -> "'";
        case '«', '»', '“', '”' -> "\"";
        case '–', '—' -> "-";
        case '…' -> "...";
        case '\u00A0', '\u202F', '\t' -> " ";
        case 'œ' -> "oe";
        case 'Œ' -> "OE";
        default -> {
          String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
          yield base.length() == 1 && BASIC.indexOf(base.charAt(0)) >= 0 ? base : "?";
        }
      };
      sb.append(replacement);
    }
    return sb.toString();
  }

  private static final String EXTENDED_CODES = "\u0014\u0028\u0029\u002F\u003C\u003D\u003E\u0040\u0065";

  /** GSM 03.38 septets, one per byte (unpacked, as SMPP data_coding 0 carries them); extension characters escaped. */
  public static byte[] toBytes(String gsmText) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(gsmText.length());
    for (int i = 0; i < gsmText.length(); i++) {
      char c = gsmText.charAt(i);
      int basic = BASIC.indexOf(c);
      if (basic >= 0) {
        out.write(basic);
      } else {
        int ext = EXTENDED.indexOf(c);
        if (ext < 0) {
          throw new IllegalArgumentException("not a GSM character: " + c);
        }
        out.write(0x1B);
        out.write(EXTENDED_CODES.charAt(ext));
      }
    }
    return out.toByteArray();
  }

  /** Reads unpacked GSM 03.38 septets back (for tests and gateways' replies). */
  public static String fromBytes(byte[] septets) {
    StringBuilder sb = new StringBuilder(septets.length);
    for (int i = 0; i < septets.length; i++) {
      int b = septets[i] & 0x7F;
      if (b == 0x1B && i + 1 < septets.length) {
        int ext = EXTENDED_CODES.indexOf((char) (septets[++i] & 0x7F));
        sb.append(ext >= 0 ? EXTENDED.charAt(ext) : ' ');
      } else {
        sb.append(BASIC.charAt(b));
      }
    }
    return sb.toString();
  }

  /** Septets the text takes (extension characters take two). */
  public static int septets(String gsmText) {
    int n = 0;
    for (int i = 0; i < gsmText.length(); i++) {
      n += EXTENDED.indexOf(gsmText.charAt(i)) >= 0 ? 2 : 1;
    }
    return n;
  }

  /** The parts of a message: one part up to 160 septets, else parts of up to 153 (never splitting an escape). */
  public static List<String> parts(String gsmText) {
    if (septets(gsmText) <= 160) {
      return List.of(gsmText);
    }
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int used = 0;
    for (int i = 0; i < gsmText.length(); i++) {
      char c = gsmText.charAt(i);
      int cost = EXTENDED.indexOf(c) >= 0 ? 2 : 1;
      if (used + cost > 153) {
        out.add(part.toString());
        part.setLength(0);
        used = 0;
      }
      part.append(c);
      used += cost;
    }
    out.add(part.toString());
    return out;
  }
}
