package fr.communitydefender.domain.paging;

import java.time.Instant;

/**
 * One attempt to deliver a notification, for the incident's timeline: channel, provider and its message id, outcome,
 * and the recipient as a person id with a masked address (the timeline is read by auditors, not a phone book);
 * {@code watchId} lets a reply to the page (an SMS « OK ») reach the instance owning the watch.
 */
public record DeliveryAttempt(
    String notificationId,
    String incidentId,
    Notification.Kind kind,
    int level,
    String personId,
    Notification.Channel channel,
    String maskedAddress,
    String provider,
    String providerId,
    Outcome outcome,
    String detail,
    Instant at,
    String watchId) {

  /**
   * SENT: the provider took it; FAILED: this try failed (a retry follows); GAVE_UP: no more tries on this channel
   * (a fallback or the next level follows); HELD: not sent on purpose (quiet hours); DUPLICATE: already sent before a
   * restart, not sent again.
   */
  public enum Outcome { SENT, FAILED, GAVE_UP, HELD, DUPLICATE }

  public DeliveryAttempt {
    if (notificationId == null || incidentId == null || outcome == null || at == null) {
      throw new IllegalArgumentException("notificationId, incidentId, outcome and at are required");
    }
  }

  public DeliveryAttempt(String notificationId, String incidentId, Notification.Kind kind, int level, String personId,
      Notification.Channel channel, String maskedAddress, String provider, String providerId, Outcome outcome,
      String detail, Instant at) {
    this(notificationId, incidentId, kind, level, personId, channel, maskedAddress, provider, providerId, outcome, detail,
        at, null);
  }

  /** {@code +33612345678} → {@code +336••••5678}; {@code jeanne@ville.fr} → {@code j•••@ville.fr}. */
  public static String mask(String address) {
    if (address == null) {
      return null;
    }
    int at = address.indexOf('@');
    if (at > 0) {
      return address.charAt(0) + "•••" + address.substring(at);
    }
    if (address.length() > 8) {
      return address.substring(0, 4) + "••••" + address.substring(address.length() - 4);
    }
    return "••••";
  }
}
