package fr.communitydefender.storage;

import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.mention.DeepAnalysis;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.ConsumerLoop;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.internal.BulkWriter;
import fr.communitydefender.storage.mentions.MentionDocument;
import fr.communitydefender.storage.mentions.Pseudonymizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the enriched mentions, the deep-tier results, the incident events, silences, page attempts and the
 * console's audit entries, the teams' incident summaries (by incident id, {@code cd-incident-summaries}) (the audit
 * entries, silences, attempts and incident events also as entries of the main courante, {@code cd-audit}; console entries with
 * id {@code console-} + their own id) and writes them to Elasticsearch in
 * bulk: mentions into their daily index (id = mention id; mention and deep result are merged into the document, in
 * whichever order they come), incidents (latest state, id = incident id), incident events and audit entries (id =
 * topic partition and offset). Offsets are committed only after Elasticsearch has taken the whole batch, so an outage
 * pauses the indexer (Kafka keeps the backlog) and redelivery overwrites the same documents: nothing lost, nothing
 * doubled. Documents Elasticsearch refuses for good go to the dead-letter topic with the reason.
 */
public final class StorageIndexer extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(StorageIndexer.class);
  public static final String GROUP_ID = "cd-indexer";

  private final Function<BulkWriter.Waiter, BulkWriter> writerFactory;
  private final Pseudonymizer pseudonymizer;
  private final Producer<String, DeadLetter> deadLetters;
  private final StorageMetrics metrics;
  private final Erasure erasure;
  private BulkWriter writer;

  /** {@code erasure} removes the mentions whose authors deleted them (tombstones on the enriched topic). */
  /** The indexer writing with the bulk API through {@code client} (retries with backoff up to 30 s). */
  public static StorageIndexer create(String bootstrap, co.elastic.clients.elasticsearch.ElasticsearchClient client,
      Pseudonymizer pseudonymizer, Producer<String, DeadLetter> deadLetters, StorageMetrics metrics, Erasure erasure) {
    return new StorageIndexer(bootstrap, w -> new BulkWriter(client, metrics, w, 30_000), pseudonymizer, deadLetters,
        metrics, erasure);
  }

  public StorageIndexer(String bootstrap, Function<BulkWriter.Waiter, BulkWriter> writerFactory,
      Pseudonymizer pseudonymizer, Producer<String, DeadLetter> deadLetters, StorageMetrics metrics, Erasure erasure) {
    super("indexer", Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000));
    this.writerFactory = writerFactory;
    this.pseudonymizer = pseudonymizer;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.erasure = erasure;
  }

  public boolean healthy() {
    return healthy(Duration.ofMinutes(1));
  }

  @Override
  protected void onStart(KafkaConsumer<byte[], byte[]> c) {
    writer = writerFactory.apply(millis -> waitPaused(c, millis));
    c.subscribe(List.of(Topics.MENTIONS_ENRICHED.name(), Topics.MENTIONS_DEEP.name(), Topics.INCIDENTS.name(),
        Topics.SILENCES.name(), Topics.PAGING_ATTEMPTS.name(), Topics.AUDIT.name(),
        Topics.INCIDENT_SUMMARIES.name()));
  }

  @Override
  protected void onRecords(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records)
      throws InterruptedException {
    List<BulkWriter.Doc> docs = new ArrayList<>();
    List<String> deletions = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      if (r.value() == null && r.key() != null && r.topic().equals(Topics.MENTIONS_ENRICHED.name())) {
        deletions.add(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8));
      }
      toDocs(r, docs);
    }
    List<BulkWriter.Rejected> rejected = writer.write(docs);
    deleteAtSource(c, deletions);
    for (BulkWriter.Rejected bad : rejected) {
      deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), "indexer",
          new DeadLetter("indexer:" + bad.doc().index(), 0, bad.reason(), Json.write(bad.doc().source()),
              Instant.now())));
      LOG.atWarn().addKeyValue("index", bad.doc().index()).addKeyValue("id", bad.doc().id())
          .addKeyValue("reason", bad.reason()).log("document refused, dead-lettered");
    }
    if (!rejected.isEmpty()) {
      deadLetters.flush();
      metrics.deadLettered(rejected.size());
    }
    c.commitSync();
  }

  /** Removes deleted mentions; retries (the consumer kept alive) while Elasticsearch is unavailable. */
  private void deleteAtSource(KafkaConsumer<byte[], byte[]> c, List<String> ids) throws InterruptedException {
    long backoff = 250;
    while (!ids.isEmpty()) {
      try {
        erasure.deleteMentions(ids);
        return;
      } catch (java.io.IOException | RuntimeException e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("deleting mentions failed, retrying");
        waitPaused(c, backoff);
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  /** Waits while keeping the consumer in its group: partitions paused, poll still called. */
  private void waitPaused(KafkaConsumer<byte[], byte[]> c, long millis) throws InterruptedException {
    c.pause(c.assignment());
    long until = System.currentTimeMillis() + millis;
    try {
      while (running() && System.currentTimeMillis() < until) {
        c.poll(Duration.ofMillis(Math.min(200, Math.max(1, until - System.currentTimeMillis()))));
        polled();
      }
    } catch (WakeupException e) {
      throw new InterruptedException("indexer stopping");
    } finally {
      if (running()) {
        c.resume(c.paused());
      }
    }
    if (!running()) {
      throw new InterruptedException("indexer stopping");
    }
  }

  private void toDocs(ConsumerRecord<byte[], byte[]> r, List<BulkWriter.Doc> out) {
    if (r.value() == null) {
      return;
    }
    try {
      if (r.topic().equals(Topics.MENTIONS_ENRICHED.name())) {
        MentionDocument doc = MentionDocument.of(Json.read(r.value(), Mention.class), pseudonymizer, Instant.now());
        out.add(new BulkWriter.Doc(doc.index(), doc.id(), doc, "mention", true));
      } else if (r.topic().equals(Topics.MENTIONS_DEEP.name())) {
        DeepAnalysis deep = Json.read(r.value(), DeepAnalysis.class);
        out.add(new BulkWriter.Doc(MentionDocument.indexFor(deep.publishedAt()), deep.mentionId(),
            new MentionDocument.DeepUpdate(MentionDocument.Deep.of(deep.analysis(), Instant.now())), "mention_deep",
            true));
      } else if (r.topic().equals(Topics.PAGING_ATTEMPTS.name())) {
        DeliveryAttempt a = Json.read(r.value(), DeliveryAttempt.class);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("at", a.at());
        audit.put("actor", "pager");
        audit.put("action", "page." + a.outcome().name().toLowerCase(Locale.ROOT));
        audit.put("incidentId", a.incidentId());
        audit.put("detail", a.kind().name().toLowerCase(Locale.ROOT) + ", niveau " + (a.level() + 1) + ", "
            + a.personId() + " par " + a.channel().id() + " (" + a.maskedAddress() + ", " + a.provider()
            + (a.providerId() == null ? "" : " " + a.providerId()) + ")" + (a.detail() == null ? "" : " : " + a.detail()));
        out.add(new BulkWriter.Doc(IndexSetup.AUDIT, "page-p" + r.partition() + "-o" + r.offset(), audit, "audit"));
      } else if (r.topic().equals(Topics.INCIDENT_SUMMARIES.name())) {
        fr.communitydefender.domain.incident.IncidentSummary summary = Json.read(r.value(),
            fr.communitydefender.domain.incident.IncidentSummary.class);
        out.add(new BulkWriter.Doc(IndexSetup.SUMMARIES, summary.incidentId(), summary, "summary"));
      } else if (r.topic().equals(Topics.AUDIT.name())) {
        fr.communitydefender.domain.access.AuditEntry e = Json.read(r.value(),
            fr.communitydefender.domain.access.AuditEntry.class);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("at", e.at());
        audit.put("actor", e.actor());
        audit.put("action", e.action());
        audit.put("roles", e.roles());
        audit.put("address", e.address());
        audit.put("target", e.target());
        audit.put("status", e.status());
        audit.put("detail", e.detail());
        out.add(new BulkWriter.Doc(IndexSetup.AUDIT, "console-" + e.id(), audit, "audit"));
      } else if (r.topic().equals(Topics.SILENCES.name())) {
        Silence silence = Json.read(r.value(), Silence.class);
        Map<String, Object> audit = new LinkedHashMap<>();
        boolean ended = silence.expiresAt().isBefore(silence.createdAt().plusSeconds(1))
            || r.timestamp() >= silence.expiresAt().toEpochMilli();
        audit.put("at", Instant.ofEpochMilli(r.timestamp()));
        audit.put("actor", silence.createdBy());
        audit.put("action", ended ? "silence.ended" : "silence.created");
        audit.put("detail", "silence " + silence.id() + " — veille " + silence.watch() + ", règle " + silence.rule()
            + ", jusqu'à " + silence.expiresAt() + " : " + silence.reason());
        out.add(new BulkWriter.Doc(IndexSetup.AUDIT, "silence-p" + r.partition() + "-o" + r.offset(), audit, "audit"));
      } else {
        IncidentEvent event = Json.read(r.value(), IncidentEvent.class);
        String eventId = "p" + r.partition() + "-o" + r.offset();
        out.add(new BulkWriter.Doc(IndexSetup.INCIDENTS, event.incident().id(), event.incident(), "incident"));
        out.add(new BulkWriter.Doc(IndexSetup.INCIDENT_EVENTS, eventId, event, "incident_event"));
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("at", event.at());
        audit.put("actor", event.by() != null ? event.by() : event.type() == IncidentEvent.Type.ACKNOWLEDGED
            && event.incident().acknowledgedBy() != null ? event.incident().acknowledgedBy() : "system");
        audit.put("action", "incident." + event.type().name().toLowerCase(Locale.ROOT));
        audit.put("incidentId", event.incident().id());
        audit.put("detail", event.incident().reason());
        out.add(new BulkWriter.Doc(IndexSetup.AUDIT, "incident-" + eventId, audit, "audit"));
      }
    } catch (JsonDecodeException e) {
      deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), "indexer",
          new DeadLetter(r.topic(), r.offset(), e.getMessage(), new String(r.value(),
              java.nio.charset.StandardCharsets.UTF_8), Instant.now())));
      metrics.deadLettered(1);
    }
  }
}
