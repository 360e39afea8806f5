package fr.communitydefender.storage.gdpr;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires mentions by deleting whole daily indices older than the retention (no delete-by-query): with 90 days, on
 * 2026-11-29 the index of 2026-08-31 (90 days before) is kept and 2026-08-30 goes.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

  private Retention() {}

  /** The day an index holds, if its name is a daily mention index. */
  public static Optional<LocalDate> dayOf(String index) {
    if (!index.startsWith(MentionDocument.INDEX_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(index.substring(MentionDocument.INDEX_PREFIX.length()), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The indices among {@code indices} to delete on {@code today}. */
  public static List<String> expired(Iterable<String> indices, LocalDate today, int retentionDays) {
    LocalDate oldestKept = today.minusDays(retentionDays);
    List<String> out = new java.util.ArrayList<>();
    for (String index : indices) {
      dayOf(index).filter(d -> d.isBefore(oldestKept)).ifPresent(d -> out.add(index));
    }
    return out.stream().sorted().toList();
  }

  /** Deletes the expired daily indices; returns their names. */
  public static List<String> apply(ElasticsearchClient client, int retentionDays, java.time.Instant now)
      throws IOException {
    var existing = client.indices().get(g -> g.index(MentionDocument.INDEX_PATTERN)).indices().keySet();
    List<String> expired = expired(existing, LocalDate.ofInstant(now, ZoneOffset.UTC), retentionDays);
    if (!expired.isEmpty()) {
      client.indices().delete(d -> d.index(expired));
      LOG.atInfo().addKeyValue("indices", expired).addKeyValue("retentionDays", retentionDays)
          .log("expired mention indices deleted");
    }
    return expired;
  }
}
