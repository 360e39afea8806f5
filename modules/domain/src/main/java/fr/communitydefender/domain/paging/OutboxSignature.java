package fr.communitydefender.domain.paging;

import fr.communitydefender.domain.crypto.Hmac;
import fr.communitydefender.domain.topic.Topics;
import java.security.MessageDigest;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Pages on the outbox topic are signed by whoever may page — the escalation stage and the pager's fallbacks — with
 * the installation key they share (the acknowledgement-link key): header {@value #HEADER} holds the HMAC-SHA256 of the
 * record's value bytes. The pager sends nothing that is not signed: write access to Kafka alone does not let anyone
 * send SMS or e-mail in the town hall's name.
 */
public final class OutboxSignature {
  public static final String HEADER = "cd-signature";

  private OutboxSignature() {}

  /** Serializes a page as the registry does and signs the bytes into the record's headers. */
  public static Serializer<Notification> serializer(byte[] key) {
    Serializer<Notification> json = Topics.PAGING_OUTBOX.valueSerde().serializer();
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, Notification data) {
        throw new IllegalStateException("pages are signed into their headers: use serialize(topic, headers, data)");
      }

      @Override
      public byte[] serialize(String topic, Headers headers, Notification data) {
        byte[] bytes = json.serialize(topic, data);
        headers.remove(HEADER);
        headers.add(HEADER, Hmac.sha256(key, bytes));
        return bytes;
      }
    };
  }

  /** Whether a record's value carries a valid signature. */
  public static boolean valid(byte[] key, Headers headers, byte[] value) {
    Header h = headers == null ? null : headers.lastHeader(HEADER);
    return h != null && value != null && MessageDigest.isEqual(h.value(), Hmac.sha256(key, value));
  }
}
