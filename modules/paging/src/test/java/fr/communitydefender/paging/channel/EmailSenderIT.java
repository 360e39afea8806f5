package fr.communitydefender.paging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SMTP server in the test JVM (GreenMail) receives the exact message, with authentication. */
class EmailSenderIT {
  @TempDir
  Path dir;
  private GreenMail mail;
  private final Vertx vertx = Vertx.vertx();

  @BeforeEach
  void start() {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    mail.setUser("alertes@ville.example", "alertes", "mot-de-passe");
  }

  @AfterEach
  void stop() {
    mail.stop();
    vertx.close();
  }

  static Notification page(String address) {
    return new Notification("spike.ville.1:1764424800:0:camille:EMAIL", "spike.ville.1", "ville",
        Notification.Kind.OPENED, 0, Severity.HIGH, "camille", "Camille", Notification.Channel.EMAIL, address, "fr",
        "[HAUTE] Pic de mentions — ville", "Nouvel incident\n\nPourquoi : 40 mentions en 5m ; attendu ≈ 2\n",
        "CD HAUTE ville: Pic de mentions", "https://defender.example/ack/abc.def", List.of(), Instant.now());
  }

  @Test
  void shouldDeliverTheSubjectBodyAndHeadersToTheSmtpServer() throws Exception {
    Path password = Files.writeString(dir.resolve("smtp"), "mot-de-passe");
    EmailSender sender = new EmailSender(vertx, new Channels.Email("127.0.0.1", mail.getSmtp().getPort(), "none",
        "alertes", Secret.ofFile(password), "Community Defender <alertes@ville.example>"));
    String id = sender.send(page("camille@ville.example"));
    assertThat(id).isNotBlank();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("[HAUTE] Pic de mentions — ville");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("camille@ville.example");
    assertThat(m.getFrom()[0].toString()).contains("alertes@ville.example");
    assertThat(m.getHeader("X-CD-Incident")[0]).isEqualTo("spike.ville.1");
    assertThat(m.getHeader("Message-ID")[0]).isEqualTo("<spike.ville.1:1764424800:0:camille:EMAIL@community-defender>");
    assertThat(GreenMailUtil.getBody(m)).contains("40 mentions en 5m");
  }

  @Test
  void shouldFailWithTheServersReasonWhenTheLoginIsWrong() throws Exception {
    Path wrong = Files.writeString(dir.resolve("smtp"), "pas-le-bon");
    EmailSender sender = new EmailSender(vertx, new Channels.Email("127.0.0.1", mail.getSmtp().getPort(), "none",
        "alertes", Secret.ofFile(wrong), "alertes@ville.example"));
    assertThatThrownBy(() -> sender.send(page("camille@ville.example")))
        .isInstanceOf(ChannelSender.SendException.class).hasMessageStartingWith("SMTP: ");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
