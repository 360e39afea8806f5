package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.mention.Mention;

/** A raw record after parsing: either a mention or the reason it is not one (and the payload, kept whole). */
public record ParsedMention(Mention mention, String error, String payload) {
  public static ParsedMention parse(String payload) {
    if (payload == null) {
      return new ParsedMention(null, "empty record (null value)", "");
    }
    try {
      return new ParsedMention(Json.read(payload, Mention.class), null, null);
    } catch (JsonDecodeException e) {
      return new ParsedMention(null, e.getMessage(), payload);
    }
  }

  public boolean ok() {
    return mention != null;
  }
}
