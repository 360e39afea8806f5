package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.mention.Mention;

/**
 * A raw record after parsing: a mention, a deletion (a tombstone: null value), or the reason it is neither (and the
 * payload, kept whole). {@code edit} marks a mention already seen whose text or edit time changed.
 */
public record ParsedMention(Mention mention, String error, String payload, boolean deleted, boolean edit) {
  public static ParsedMention parse(String payload) {
    if (payload == null) {
      return new ParsedMention(null, null, null, true, false);
    }
    try {
      return new ParsedMention(Json.read(payload, Mention.class), null, null, false, false);
    } catch (JsonDecodeException e) {
      return new ParsedMention(null, e.getMessage(), payload, false, false);
    }
  }

  /**
   * As {@link #parse(String)} from the record's bytes: parsed without decoding them to a string first; bytes that are
   * not valid UTF-8 JSON are decoded (invalid sequences replaced) and parsed again, so the outcome is the string's.
   */
  public static ParsedMention parse(byte[] payload) {
    if (payload == null) {
      return parse((String) null);
    }
    try {
      return new ParsedMention(Json.read(payload, Mention.class), null, null, false, false);
    } catch (JsonDecodeException e) {
      return parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public boolean ok() {
    return mention != null;
  }

  public boolean malformed() {
    return mention == null && !deleted;
  }

  public ParsedMention asEdit() {
    return new ParsedMention(mention, error, payload, deleted, true);
  }
}
