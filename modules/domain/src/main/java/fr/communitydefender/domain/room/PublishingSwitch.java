package fr.communitydefender.domain.room;

import java.time.Instant;

/**
 * The commune's suspend switch (crisis mode): while {@code suspended}, no scheduled publication goes out and the
 * scheduled ones are cancelled. Compacted topic, one key ({@value #KEY}); every change is audited.
 */
public record PublishingSwitch(boolean suspended, String reason, String by, Instant at) {
  public static final String KEY = "commune";
}
