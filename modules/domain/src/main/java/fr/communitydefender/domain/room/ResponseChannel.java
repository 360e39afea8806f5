package fr.communitydefender.domain.room;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a response goes, with its length limit (characters, counted as Unicode code points): the commune's Mastodon
 * (500) and Bluesky (300) accounts, published through their APIs; the website or press (5,000) and SMS to residents
 * (plain text, 612 = four concatenated GSM-7 parts), published elsewhere and recorded with a link or reference.
 */
public enum ResponseChannel {
  MASTODON(500, true), BLUESKY(300, true), WEBSITE(5000, false), SMS(612, false);

  private final int limit;
  private final boolean api;

  ResponseChannel(int limit, boolean api) {
    this.limit = limit;
    this.api = api;
  }

  public int limit() {
    return limit;
  }

  /** Whether the console publishes it itself (else "published elsewhere" with a link). */
  public boolean api() {
    return api;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ResponseChannel of(String value) {
    for (ResponseChannel c : values()) {
      if (c.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown channel '" + value + "' (known: mastodon, bluesky, website, sms)");
  }

  public static int length(String text) {
    return text == null ? 0 : text.codePointCount(0, text.length());
  }
}
