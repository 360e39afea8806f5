package fr.communitydefender.paging.escalation;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.paging.Notification;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of a page, in French or English: a subject with severity and watch, an email body with the "why" (the
 * rule's reason and description), links to the incident and to acknowledge, and a short SMS (GSM-7, one or two
 * parts). Plain text only: nothing an incident quotes (a new term, a description) can become markup.
 */
public final class Messages {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.of("Europe/Paris"));

  private Messages() {}

  public record Text(String subject, String body, String sms) {}

  public static Text of(Notification.Kind kind, Incident i, String lang, String consoleUrl, String ackUrl, int level) {
    return of(kind, i, lang, consoleUrl, ackUrl, level, null);
  }

  /** {@code replyCode}: when SMS replies come back, the code of « OK 1234 » (null: no reply hint). */
  public static Text of(Notification.Kind kind, Incident i, String lang, String consoleUrl, String ackUrl, int level,
      String replyCode) {
    boolean fr = !"en".equals(lang);
    String severity = severity(i, fr);
    String what = switch (kind) {
      case OPENED -> fr ? "Nouvel incident" : "New incident";
      case ESCALATED -> fr ? "Escalade (niveau " + (level + 1) + ") — personne n'a pris l'incident"
          : "Escalated (level " + (level + 1) + ") — nobody took the incident";
      case REMINDER -> fr ? "Rappel — incident pris, toujours ouvert : la veille n'est pas revenue au calme. "
          + "Si la crise est terminée, « Clore » dans la console." : "Reminder — taken, still open: the watch has not "
          + "calmed down. If the crisis is over, « Clore » (close) it in the console.";
      case RESOLVED -> fr ? "Incident résolu" : "Incident resolved";
      case UNACKNOWLEDGED -> fr ? "Personne n'a pris l'incident, l'escalade est terminée"
          : "Nobody took the incident; escalation finished";
      case APPROVAL -> fr ? "Un projet de réponse attend votre validation" : "A draft response awaits your approval";
    };
    String subject = "[" + severity + "] " + (kind == Notification.Kind.RESOLVED ? (fr ? "Résolu : " : "Resolved: ") : "")
        + i.title() + " — " + i.watchId();
    String link = consoleUrl + "/?incident=" + java.net.URLEncoder.encode(i.id(), java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder body = new StringBuilder();
    body.append(what).append("\n\n");
    body.append(fr ? "Veille : " : "Watch: ").append(i.watchId()).append('\n');
    body.append(fr ? "Règle : " : "Rule: ").append(i.ruleId()).append(" (").append(severity).append(")\n");
    body.append(fr ? "Ouvert : " : "Opened: ").append(TIME.format(i.openedAt())).append('\n');
    if (i.reason() != null) {
      body.append(fr ? "Pourquoi : " : "Why: ").append(i.reason()).append('\n');
    }
    if (i.description() != null && !i.description().isBlank()) {
      body.append('\n').append(i.description()).append('\n');
    }
    if (i.acknowledgedBy() != null) {
      body.append(fr ? "Pris par : " : "Taken by: ").append(i.acknowledgedBy())
          .append(i.ackComment() == null ? "" : " — « " + i.ackComment() + " »").append('\n');
    }
    body.append('\n').append(fr ? "Voir l'incident : " : "Open the incident: ").append(link).append('\n');
    if (ackUrl != null) {
      body.append(fr ? "Je prends (lien personnel, à usage unique) : " : "I take it (personal, one-time link): ")
          .append(ackUrl).append('\n');
    }
    String shortWhat = switch (kind) {
      case OPENED -> "";
      case ESCALATED -> fr ? "ESCALADE " : "ESCALATED ";
      case REMINDER -> fr ? "RAPPEL " : "REMINDER ";
      case RESOLVED -> fr ? "RESOLU " : "RESOLVED ";
      case UNACKNOWLEDGED -> fr ? "NON PRIS " : "NOT TAKEN ";
      case APPROVAL -> fr ? "A VALIDER " : "TO APPROVE ";
    };
    String sms = "CD " + shortWhat + severity + " " + i.watchId() + ": " + i.title()
        + (kind == Notification.Kind.RESOLVED || i.reason() == null ? "" : ". " + i.reason())
        + (ackUrl == null ? "" : (fr ? " Je prends: " : " Take it: ") + ackUrl)
        + (ackUrl == null || replyCode == null ? "" : (fr ? " ou repondez OK " : " or reply OK ") + replyCode);
    return new Text(subject, body.toString(), sms);
  }

  private static String severity(Incident i, boolean fr) {
    String id = i.severity() == null ? "medium" : i.severity().id();
    if (!fr) {
      return id.toUpperCase(Locale.ROOT);
    }
    return switch (id) {
      case "critical" -> "CRITIQUE";
      case "high" -> "HAUTE";
      case "medium" -> "MOYENNE";
      case "low" -> "BASSE";
      default -> "INFO";
    };
  }
}
