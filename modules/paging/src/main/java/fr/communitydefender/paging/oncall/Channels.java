package fr.communitydefender.paging.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.Secret;

/**
 * How pages leave: an SMTP server for email, one SMS provider (OVHcloud, Twilio or an SMPP gateway), and the secret
 * that signs webhook pages. A channel that is not configured is skipped (its people fall back to the next channel).
 */
public record Channels(Email email, Sms sms, Webhook webhook) {

  /** Whether replies to SMS pages come back (Twilio with an inbound URL). */
  public boolean smsReplies() {
    return sms != null && sms.twilio() != null && sms.twilio().inboundUrl() != null;
  }

  /** SMTP: {@code security} none, starttls (default) or tls; {@code from} the sender shown. */
  public record Email(String host, Integer port, String security, String username, Secret password, String from) {
    public Email {
      FieldException.required(host, "host");
      security = security == null ? "starttls" : security;
      if (!security.equals("none") && !security.equals("starttls") && !security.equals("tls")) {
        throw new FieldException("security", "'" + security + "': none, starttls or tls");
      }
      port = port == null ? (security.equals("tls") ? 465 : 587) : port;
      password = Secret.check(password, "password", false);
      FieldException.required(from, "from");
    }
  }

  /** One SMS provider, chosen by {@code provider}: ovh, twilio or smpp, with its section. */
  public record Sms(String provider, Ovh ovh, Twilio twilio, Smpp smpp) {
    public Sms {
      FieldException.required(provider, "provider");
      switch (provider) {
        case "ovh" -> FieldException.required(ovh, "ovh");
        case "twilio" -> FieldException.required(twilio, "twilio");
        case "smpp" -> FieldException.required(smpp, "smpp");
        default -> throw new FieldException("provider", "'" + provider + "': ovh, twilio or smpp");
      }
    }
  }

  /** OVHcloud SMS API: application key/secret and consumer key of a token allowed on POST /sms/{service}/jobs. */
  public record Ovh(String endpoint, @JsonProperty("application_key") String applicationKey,
      @JsonProperty("application_secret") Secret applicationSecret, @JsonProperty("consumer_key") Secret consumerKey,
      String service, String sender) {
    public Ovh {
      endpoint = endpoint == null ? "https://eu.api.ovh.com/1.0" : endpoint.replaceAll("/$", "");
      FieldException.required(applicationKey, "application_key");
      applicationSecret = Secret.check(applicationSecret, "application_secret", true);
      consumerKey = Secret.check(consumerKey, "consumer_key", true);
      FieldException.required(service, "service");
    }
  }

  /**
   * Twilio Messages API: account SID, auth token, and the sending number; {@code inbound_url}: the public URL of our
   * reply webhook as configured on the Twilio number (…/api/paging/sms/twilio), to take incidents by SMS reply.
   */
  public record Twilio(@JsonProperty("base_url") String baseUrl, @JsonProperty("account_sid") String accountSid,
      @JsonProperty("auth_token") Secret authToken, String from, @JsonProperty("inbound_url") String inboundUrl) {
    public Twilio {
      baseUrl = baseUrl == null ? "https://api.twilio.com" : baseUrl.replaceAll("/$", "");
      FieldException.required(accountSid, "account_sid");
      authToken = Secret.check(authToken, "auth_token", true);
      FieldException.required(from, "from");
      if (inboundUrl != null && !inboundUrl.startsWith("https://") && !inboundUrl.startsWith("http://")) {
        throw new FieldException("inbound_url", "must be the public http(s) URL of the reply webhook");
      }
    }

    public Twilio(String baseUrl, String accountSid, Secret authToken, String from) {
      this(baseUrl, accountSid, authToken, from, null);
    }
  }

  /** An SMPP 3.4 gateway (telecom operator or in-house), bound as a transmitter. */
  public record Smpp(String host, Integer port, @JsonProperty("system_id") String systemId, Secret password,
      @JsonProperty("source_addr") String sourceAddr) {
    public Smpp {
      FieldException.required(host, "host");
      port = port == null ? 2775 : port;
      FieldException.required(systemId, "system_id");
      password = Secret.check(password, "password", true);
      FieldException.required(sourceAddr, "source_addr");
    }
  }

  /** Webhook pages are signed with this secret: {@code X-CD-Signature: sha256=HMAC(TIMESTAMP.BODY)}. */
  public record Webhook(Secret secret) {
    public Webhook {
      secret = Secret.check(secret, "secret", true);
    }
  }
}
