package fr.communitydefender.domain.paging;

import fr.communitydefender.domain.incident.Severity;
import java.time.Instant;

/**
 * One message to send to one person on one channel, as put in the outbox topic by the escalation stage. {@code id}
 * is the idempotency key (incident, round, level, person, channel, kind): the sender never delivers the same id
 * twice, and passes it to providers that take one. {@code fallbacks}: the channels still to try, in order, if this
 * one fails for good.
 */
public record Notification(
    String id,
    String incidentId,
    String watchId,
    Kind kind,
    int level,
    Severity severity,
    String personId,
    String personName,
    Channel channel,
    String address,
    String lang,
    String subject,
    String body,
    String sms,
    String ackUrl,
    java.util.List<Channel> fallbacks,
    Instant createdAt) {

  /** Why the message is sent ({@code APPROVAL}: a draft waits for this person's approval). */
  public enum Kind { OPENED, ESCALATED, REMINDER, RESOLVED, UNACKNOWLEDGED, APPROVAL }

  /** How it reaches the person; written in lower case (email, sms, webhook). */
  public enum Channel {
    EMAIL, SMS, WEBHOOK;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Channel of(String value) {
      for (Channel c : values()) {
        if (c.id().equalsIgnoreCase(value)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown channel '" + value + "' (known: email, sms, webhook)");
    }
  }

  public Notification {
    if (id == null || incidentId == null || kind == null || channel == null || address == null) {
      throw new IllegalArgumentException("id, incidentId, kind, channel and address are required");
    }
    fallbacks = fallbacks == null ? java.util.List.of() : java.util.List.copyOf(fallbacks);
  }

  /** The same message with another body (e.g. completed with the incident's explanation before sending). */
  public Notification withBody(String newBody) {
    return new Notification(id, incidentId, watchId, kind, level, severity, personId, personName, channel, address,
        lang, subject, newBody, sms, ackUrl, fallbacks, createdAt);
  }

  /** The same message on the next fallback channel ({@code address} of the person there). */
  public Notification fallingBackTo(Channel next, String nextAddress) {
    java.util.List<Channel> rest = fallbacks.subList(Math.min(1, fallbacks.size()), fallbacks.size());
    return new Notification(id.replace(":" + channel.name(), ":" + next.name()), incidentId, watchId, kind, level,
        severity, personId, personName, next, nextAddress, lang, subject, body, sms, ackUrl, rest, Instant.now());
  }
}
