package fr.communitydefender.devservices.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A local SMTP server that keeps what it receives (GreenMail, in process): the demo's pages land here and the console
 * shows them ({@code /mailbox.html}). Local mode and tests only; production sends through the commune's SMTP server.
 */
public final class MailCatcher implements AutoCloseable {
  private final GreenMail mail;

  /** A message as received. */
  public record Message(Instant at, String from, List<String> to, String subject, String body) {}

  private MailCatcher(GreenMail mail) {
    this.mail = mail;
  }

  /** Starts on {@code 127.0.0.1:port} (0: any free port). */
  public static MailCatcher start(int port) {
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return new MailCatcher(mail);
  }

  public int port() {
    return mail.getSmtp().getPort();
  }

  /** The messages received, newest first. */
  public List<Message> messages() {
    List<Message> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        out.add(new Message(m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                : m.getSentDate() != null ? m.getSentDate().toInstant() : Instant.now(),
            m.getFrom() == null ? null : m.getFrom()[0].toString(),
            m.getAllRecipients() == null ? List.of() : Arrays.stream(m.getAllRecipients()).map(Object::toString).toList(),
            m.getSubject(), m.getContent() instanceof String text ? text : GreenMailUtil.getBody(m)));
      } catch (MessagingException | java.io.IOException e) {
        // a message we cannot read is skipped
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }

  @Override
  public void close() {
    mail.stop();
  }
}
