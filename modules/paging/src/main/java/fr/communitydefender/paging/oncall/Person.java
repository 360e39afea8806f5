package fr.communitydefender.paging.oncall;

import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.paging.Notification;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Someone who can be paged: how to reach them ({@code email}, {@code phone} in E.164, {@code webhook}), in which
 * language ({@code fr} or {@code en}), and on which channels in order of preference (default: SMS then email — the
 * first wakes people, the second carries the details); a channel without an address is skipped.
 */
public record Person(String id, String name, String email, String phone, String webhook, String lang,
    List<Notification.Channel> channels) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public Person {
    FieldException.required(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    name = name == null || name.isBlank() ? id : name;
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new FieldException("email", "'" + email + "' is not an email address");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new FieldException("phone", "'" + phone + "' is not an international number (E.164, e.g. +33612345678)");
    }
    if (webhook != null && !webhook.startsWith("https://") && !webhook.startsWith("http://")) {
      throw new FieldException("webhook", "must be an http(s) URL");
    }
    lang = lang == null ? "fr" : lang;
    if (!lang.equals("fr") && !lang.equals("en")) {
      throw new FieldException("lang", "'" + lang + "': fr or en");
    }
    channels = channels == null ? List.of(Notification.Channel.SMS, Notification.Channel.EMAIL) : List.copyOf(channels);
    String e = email;
    String ph = phone;
    String w = webhook;
    if (channels.stream().noneMatch(c -> (c == Notification.Channel.EMAIL ? e : c == Notification.Channel.SMS ? ph : w)
        != null)) {
      throw new FieldException("channels", "no channel with an address: give email, phone or webhook");
    }
  }

  /** The channels with an address, in order of preference. */
  public List<Notification.Channel> reachable() {
    return channels.stream().filter(c -> address(c) != null).toList();
  }

  public String address(Notification.Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case SMS -> phone;
      case WEBHOOK -> webhook;
    };
  }
}
