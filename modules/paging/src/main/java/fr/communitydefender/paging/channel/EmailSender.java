package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Email through SMTP with the Vert.x mail client (STARTTLS required, implicit TLS, or none for a local catcher; login
 * when a user is set). The notification id becomes the {@code Message-ID}, so a resent page is recognisable.
 */
public final class EmailSender implements ChannelSender {
  private final MailClient client;
  private final String from;

  public EmailSender(Vertx vertx, Channels.Email config) {
    MailConfig mail = new MailConfig().setHostname(config.host()).setPort(config.port())
        .setStarttls(config.security().equals("starttls") ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
        .setSsl(config.security().equals("tls"))
        .setConnectTimeout(10_000).setKeepAlive(false);
    if (config.username() != null) {
      mail.setLogin(LoginOption.REQUIRED).setUsername(config.username())
          .setPassword(config.password() == null ? "" : config.password().value());
    } else {
      mail.setLogin(LoginOption.DISABLED);
    }
    this.client = MailClient.create(vertx, mail);
    this.from = config.from();
  }

  @Override
  public String provider() {
    return "smtp";
  }

  @Override
  public String send(Notification n) throws SendException {
    MailMessage message = new MailMessage().setFrom(from).setTo(n.address()).setSubject(n.subject()).setText(n.body())
        .addHeader("Message-ID", "<" + n.id().replaceAll("[^A-Za-z0-9.:_-]", "_") + "@community-defender>")
        .addHeader("X-CD-Incident", n.incidentId())
        .addHeader("Auto-Submitted", "auto-generated");
    try {
      MailResult result = client.sendMail(message).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return result.getMessageID();
    } catch (ExecutionException e) {
      String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
      boolean permanent = reason != null && reason.matches("(?s).*\\b5\\d\\d\\b.*");
      throw new SendException("SMTP: " + reason, !permanent);
    } catch (TimeoutException e) {
      throw new SendException("SMTP: no answer within 30 s", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendException("interrupted", true);
    }
  }
}
