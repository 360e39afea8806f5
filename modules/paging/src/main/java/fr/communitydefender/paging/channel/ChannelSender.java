package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.paging.Notification;

/** One way out for pages: a provider that takes a notification and returns its own message id. */
public interface ChannelSender {
  /** The provider's name (a bounded metric tag: smtp, twilio, ovh, smpp, webhook). */
  String provider();

  /**
   * Sends; blocks until the provider answered. Throws {@link SendException} with the provider's reason (and whether
   * a retry may help).
   */
  String send(Notification n) throws SendException;

  /** A refusal or failure of the provider; {@code retryable} when trying again later may succeed. */
  final class SendException extends Exception {
    private final boolean retryable;

    public SendException(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
