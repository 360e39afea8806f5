package fr.communitydefender.storage;

import static fr.communitydefender.storage.EsTestSupport.PSEUDONYMIZER;
import static fr.communitydefender.storage.EsTestSupport.count;
import static fr.communitydefender.storage.EsTestSupport.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.mention.DeepAnalysis;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.gdpr.Retention;
import fr.communitydefender.storage.internal.BulkWriter;
import fr.communitydefender.storage.mentions.MentionDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage on a real Elasticsearch 9.5 node (child JVM) and a real Kafka broker. */
class StorageIT {
  @TempDir
  static Path dir;
  private static EmbeddedElasticsearch es;
  private static EmbeddedKafka kafka;
  private static ElasticsearchClient client;

  @BeforeAll
  static void start() throws Exception {
    var starting = EmbeddedElasticsearch.launch(null, dir.resolve("es"), 0);
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
    es = starting.await();
    client = EsTestSupport.client(es.url());
    IndexSetup.install(client, 0);
  }

  @AfterAll
  static void stop() {
    if (es != null) {
      es.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @BeforeEach
  void clean() throws Exception {
    List<String> existing = List.copyOf(client.indices().get(g -> g.index(MentionDocument.INDEX_PATTERN)
        .allowNoIndices(true)).indices().keySet());
    if (!existing.isEmpty()) {
      client.indices().delete(d -> d.index(existing));
    }
  }

  @Test
  void shouldAnswerInfoAndApplyTheTemplateWhenAMentionIsIndexed() throws Exception {
    assertThat(client.ping().value()).isTrue();
    assertThat(client.info().version().number()).isEqualTo("9.5.3");
    EsTestSupport.index(client, mention("t1", Instant.parse("2026-03-14T18:00:00Z"), "Crue à Sainte-Aure", "@a",
        List.of("crue")));
    Map<String, IndexMappingRecord> mapping = client.indices().getMapping(m -> m.index("mentions-2026.03.14"))
        .mappings();
    var props = mapping.get("mentions-2026.03.14").mappings().properties();
    assertThat(props.get("text").text().analyzer()).isEqualTo("french");
    assertThat(props.get("watches").isKeyword()).isTrue();
    assertThat(props.get("authorKey").isKeyword()).isTrue();
    assertThat(props).doesNotContainKey("author");
    var stored = client.get(g -> g.index("mentions-2026.03.14").id("t1"), Map.class).source();
    assertThat(stored).doesNotContainKey("author").containsEntry("authorKey", PSEUDONYMIZER.key("@a"));
  }

  @Test
  void shouldFindSingularAndAccentlessFormsWhenSearchingInFrench() throws Exception {
    EsTestSupport.index(client,
        mention("f1", Instant.parse("2026-03-14T18:00:00Z"), "Une inondation rue des Tanneurs", "a", List.of()),
        mention("f2", Instant.parse("2026-03-14T18:01:00Z"), "L'école est fermée", "b", List.of()),
        mention("f3", Instant.parse("2026-03-14T18:02:00Z"), "Marché de Noël", "c", List.of()));
    var search = new fr.communitydefender.storage.search.SearchService(client);
    var all = fr.communitydefender.storage.search.SearchQuery.all();
    assertThat(search.search(all.withText("inondations")).hits()).extracting(h -> h.id()).containsExactly("f1");
    assertThat(search.search(all.withText("ecole")).hits()).extracting(h -> h.id()).containsExactly("f2");
    assertThat(search.search(all.withText("fermées")).hits()).extracting(h -> h.id()).containsExactly("f2");
    assertThat(search.search(all.withText("inondation")).hits().get(0).highlights())
        .containsExactly("Une \uE000inondation\uE001 rue des Tanneurs");
  }

  @Test
  void shouldReportTheBadItemAndKeepTheOthersWhenABulkHasABadDocument() throws Exception {
    BulkWriter writer = new BulkWriter(client, new StorageMetrics(new SimpleMeterRegistry()), Thread::sleep, 1000);
    MentionDocument good = MentionDocument.of(mention("g1", Instant.parse("2026-03-14T10:00:00Z"), "ok", "a",
        List.of()), PSEUDONYMIZER, Instant.now());
    Map<String, Object> bad = Map.of("id", "b1", "publishedAt", "2026-03-14T10:00:00Z", "reach", "beaucoup");
    Map<String, Object> unknownField = Map.of("id", "b2", "publishedAt", "2026-03-14T10:00:00Z", "colour", "red");
    List<BulkWriter.Rejected> rejected = writer.write(List.of(
        new BulkWriter.Doc(good.index(), "g1", good, "mention"),
        new BulkWriter.Doc("mentions-2026.03.14", "b1", bad, "mention"),
        new BulkWriter.Doc("mentions-2026.03.14", "b2", unknownField, "mention")));
    assertThat(rejected).extracting(r -> r.doc().id()).containsExactly("b1", "b2");
    assertThat(rejected.get(0).reason()).startsWith("400 document_parsing_exception");
    assertThat(rejected.get(1).reason()).contains("strict_dynamic_mapping_exception");
    assertThat(count(client)).isEqualTo(1);
  }

  @Test
  void shouldMergeIntoTheStoredDocumentWhenAMergedDocumentIsCreatedTwice() throws Exception {
    BulkWriter writer = new BulkWriter(client, new StorageMetrics(new SimpleMeterRegistry()), Thread::sleep, 1000);
    MentionDocument m = MentionDocument.of(mention("c1", Instant.parse("2026-03-16T09:00:00Z"), "Crue", "a",
        List.of("ville")), PSEUDONYMIZER, Instant.parse("2026-03-16T09:00:01Z"));
    MentionDocument.DeepUpdate deep = new MentionDocument.DeepUpdate(MentionDocument.Deep.of(
        new MentionAnalysis("fr", "negative", -0.5, List.of("crue"), "deep-rntn", null),
        Instant.parse("2026-03-16T09:00:05Z")));
    Map<String, Object> bad = Map.of("id", "c2", "publishedAt", "2026-03-16T09:00:00Z", "reach", "beaucoup");
    // the mention first (created), then its deep result and a redelivery of the mention (both merged into it)
    assertThat(writer.write(List.of(new BulkWriter.Doc(m.index(), "c1", m, "mention", true)))).isEmpty();
    List<BulkWriter.Rejected> rejected = writer.write(List.of(
        new BulkWriter.Doc(m.index(), "c1", deep, "mention_deep", true),
        new BulkWriter.Doc(m.index(), "c2", bad, "mention", true),
        new BulkWriter.Doc(m.index(), "c1", m, "mention", true)));
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.doc().id()).isEqualTo("c2");
      assertThat(r.reason()).startsWith("400 document_parsing_exception");
    });
    MentionDocument stored = client.get(g -> g.index(m.index()).id("c1"), MentionDocument.class).source();
    assertThat(stored.text()).isEqualTo("Crue");
    assertThat(stored.watches()).containsExactly("ville");
    assertThat(stored.deep().sentimentLabel()).isEqualTo("negative");
    assertThat(stored.deep().drivers()).containsExactly("crue");
  }

  @Test
  void shouldKeepOneDocumentAndDeadLetterJunkWhenTheIndexerGetsRedeliveries() throws Exception {
    Mention m = mention("r1", Instant.parse("2026-03-15T09:00:00Z"), "Sainte-Aure", "a", List.of("ville"));
    // the deep tier's result may reach the indexer before or after the mention: both merge into one document
    new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(), Topics.MENTIONS_DEEP.valueSerde().serializer())
        .send(new ProducerRecord<>(Topics.MENTIONS_DEEP.name(), m.id(), new DeepAnalysis(m.id(), m.publishedAt(),
            new MentionAnalysis("en", "negative", -0.6, List.of("terrible mess"), "deep-rntn", null)))).get();
    StorageMetrics metrics = new StorageMetrics(new SimpleMeterRegistry());
    try (KafkaProducer<String, Mention> producer = EsTestSupport.mentionProducer(kafka.bootstrapServers());
        KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers()), new StringSerializer(), new StringSerializer());
        KafkaProducer<String, DeadLetter> dlq = EsTestSupport.deadLetterProducer(kafka.bootstrapServers());
        StorageIndexer indexer = new StorageIndexer(kafka.bootstrapServers(),
            w -> new BulkWriter(client, metrics, w, 2000), PSEUDONYMIZER, dlq, metrics, new fr.communitydefender.storage.gdpr.Erasure(client, PSEUDONYMIZER))) {
      EsTestSupport.send(producer, m);
      EsTestSupport.send(producer, m);
      raw.send(new ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), "junk", "{not json")).get();
      Incident incident = new Incident("spike.ville.20260315-0900", "spike", "ville", Severity.HIGH, "Pic",
          Incident.Status.OPEN, m.publishedAt(), m.publishedAt(), null, 30, 30, 20, Duration.ofMinutes(5), "30 in 5m");
      new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), Topics.INCIDENTS.valueSerde().serializer())
          .send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.id(),
              new IncidentEvent(IncidentEvent.Type.OPENED, m.publishedAt(), incident))).get();
      new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), Topics.PAGING_ATTEMPTS.valueSerde().serializer())
          .send(new ProducerRecord<>(Topics.PAGING_ATTEMPTS.name(), incident.id(), new DeliveryAttempt(
              incident.id() + ":1:0:camille:SMS", incident.id(), Notification.Kind.OPENED, 0, "camille",
              Notification.Channel.SMS, "+336••••1111", "twilio", "SM123", DeliveryAttempt.Outcome.SENT, "try 1",
              m.publishedAt().plusSeconds(2)))).get();
      Thread thread = Thread.ofPlatform().start(indexer);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        client.indices().refresh(r -> r.index(IndexSetup.AUDIT));
        assertThat(client.count(c -> c.index(IndexSetup.AUDIT)).count()).isEqualTo(2);
      });
      assertThat(client.search(q -> q.index(IndexSetup.AUDIT).query(t -> t.term(f -> f.field("action")
          .value("page.sent"))), Map.class).hits().hits()).singleElement()
          .satisfies(h -> assertThat(h.source().get("detail"))
              .isEqualTo("opened, niveau 1, camille par sms (+336••••1111, twilio SM123) : try 1"));
      assertThat(count(client)).isEqualTo(1);
      MentionDocument stored = client.get(g -> g.index("mentions-2026.03.15").id("r1"), MentionDocument.class)
          .source();
      assertThat(stored.text()).isEqualTo("Sainte-Aure");
      assertThat(stored.deep().sentimentLabel()).isEqualTo("negative");
      assertThat(stored.deep().drivers()).containsExactly("terrible mess");
      assertThat(client.get(g -> g.index(IndexSetup.INCIDENTS).id(incident.id()), Incident.class).source())
          .isEqualTo(incident);
      List<ConsumerRecord<String, DeadLetter>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
          Topics.DEAD_LETTER, r -> !r.isEmpty(), Duration.ofSeconds(30));
      assertThat(dead).singleElement().satisfies(r -> {
        assertThat(r.value().origin()).isEqualTo(Topics.MENTIONS_ENRICHED.name());
        assertThat(r.value().payload()).isEqualTo("{not json");
      });
      indexer.close();
      thread.join(10_000);
    }
  }

  @Test
  void shouldStoreEveryFieldOfAnIncidentWhenTheMappingIsStrict() throws Exception {
    Instant at = Instant.parse("2026-03-15T09:00:00Z");
    Incident full = new Incident("spike.ville.full", "spike", "ville", Severity.HIGH, "Pic", Incident.Status.ACKNOWLEDGED,
        at, at.plusSeconds(60), null, 30, 31, 20, Duration.ofMinutes(5), "30 in 5m", "astreinte.martin",
        at.plusSeconds(90), "s1", java.util.Map.of("team", "communication"), "30 mentions sur ville", List.of("colere"));
    BulkWriter writer = new BulkWriter(client, new StorageMetrics(new SimpleMeterRegistry()), Thread::sleep, 1000);
    assertThat(writer.write(List.of(new BulkWriter.Doc(IndexSetup.INCIDENTS, full.id(), full, "incident"),
        new BulkWriter.Doc(IndexSetup.INCIDENT_EVENTS, "e-full", new IncidentEvent(IncidentEvent.Type.ACKNOWLEDGED,
            at, full), "incident_event")))).isEmpty();
    assertThat(client.get(g -> g.index(IndexSetup.INCIDENTS).id(full.id()), Incident.class).source()).isEqualTo(full);
  }

  @Test
  void shouldDeleteOnlyIndicesOlderThanRetentionWhenApplied() throws Exception {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    EsTestSupport.index(client,
        mention("old", Instant.parse("2026-08-30T12:00:00Z"), "ancien", "a", List.of()),
        mention("edge", Instant.parse("2026-08-31T12:00:00Z"), "limite", "a", List.of()),
        mention("new", Instant.parse("2026-11-28T12:00:00Z"), "récent", "a", List.of()));
    assertThat(Retention.apply(client, 90, now)).containsExactly("mentions-2026.08.30");
    var left = client.indices().get(g -> g.index(MentionDocument.INDEX_PATTERN)).indices().keySet();
    assertThat(left).containsExactlyInAnyOrder("mentions-2026.08.31", "mentions-2026.11.28");
    assertThat(client.indices().exists(e -> e.index(IndexSetup.INCIDENTS)).value()).isTrue();
  }

  @Test
  void shouldEraseExactlyOneAuthorsMentionsWhenRequested() throws Exception {
    Instant t = Instant.parse("2026-03-14T18:00:00Z");
    Mention[] mentions = new Mention[30];
    for (int i = 0; i < 30; i++) {
      String author = i % 3 == 0 ? "@Jean_Dupont" : "autre_" + i;
      mentions[i] = mention("e" + i, t.plus(Duration.ofHours(i)), "texte " + i, author, List.of());
    }
    EsTestSupport.index(client, mentions);
    assertThat(count(client)).isEqualTo(30);
    long deleted = new Erasure(client, PSEUDONYMIZER).eraseAuthor("jean_dupont");
    assertThat(deleted).isEqualTo(10);
    assertThat(count(client)).isEqualTo(20);
    var search = new fr.communitydefender.storage.search.SearchService(client);
    var q = new fr.communitydefender.storage.search.SearchQuery(null, null, null, null, null, null, null, null,
        null, 1, 100);
    assertThat(search.search(q).hits()).extracting(h -> h.authorKey())
        .doesNotContain(PSEUDONYMIZER.key("@Jean_Dupont")).hasSize(20);
  }

  @Test
  void shouldFilterPageAndAggregateWhenSearching() throws Exception {
    Instant t = Instant.parse("2026-03-14T18:00:00Z");
    EsTestSupport.index(client,
        mention("s1", t, "Crue de la Loire", "a", List.of("crue", "ville")),
        mention("s2", t.plusSeconds(30), "La crue monte", "b", List.of("crue")),
        mention("s3", t.plusSeconds(90), "Marché de Noël", "a", List.of("ville")),
        new Mention("s4", "rss", t.plusSeconds(3700), "Crue annoncée", null, null, "fr", 0, List.of("crue")));
    var search = new fr.communitydefender.storage.search.SearchService(client);
    var page = search.search(new fr.communitydefender.storage.search.SearchQuery("crue", List.of("crue"), null,
        null, null, null, t, t.plusSeconds(3600), null, 1, 1));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.hits()).hasSize(1);
    var rss = search.search(new fr.communitydefender.storage.search.SearchQuery(null, null, "rss", null, null,
        null, null, null, fr.communitydefender.storage.search.SearchQuery.Sort.OLDEST, 1, 10));
    assertThat(rss.hits()).extracting(h -> h.id()).containsExactly("s4");
    var newest = search.search(fr.communitydefender.storage.search.SearchQuery.all());
    assertThat(newest.hits()).extracting(h -> h.id()).containsExactly("s4", "s3", "s2", "s1");

    var histogram = search.histogram(new fr.communitydefender.storage.search.SearchQuery(null, List.of("crue"),
        null, null, null, null, t, t.plusSeconds(7200), null, 1, 20),
        fr.communitydefender.storage.search.SearchService.Interval.MINUTE);
    assertThat(histogram.buckets()).first().satisfies(b -> {
      assertThat(b.t()).isEqualTo(t);
      assertThat(b.count()).isEqualTo(2);
    });
    assertThat(histogram.buckets().stream().mapToLong(b -> b.count()).sum()).isEqualTo(3);
    var hourly = search.histogram(fr.communitydefender.storage.search.SearchQuery.all(),
        fr.communitydefender.storage.search.SearchService.Interval.HOUR);
    assertThat(hourly.buckets()).extracting(b -> b.count()).containsExactly(3L, 1L);

    var terms = search.top(fr.communitydefender.storage.search.SearchQuery.all(),
        fr.communitydefender.storage.search.SearchService.TopField.TERMS, 3);
    assertThat(terms.buckets().get(0).key()).isEqualTo("crue");
    assertThat(terms.buckets().get(0).count()).isEqualTo(3);
    var authors = search.top(fr.communitydefender.storage.search.SearchQuery.all(),
        fr.communitydefender.storage.search.SearchService.TopField.AUTHORS, 5);
    assertThat(authors.buckets().get(0).key()).isEqualTo(PSEUDONYMIZER.key("a"));
    assertThat(authors.buckets().get(0).count()).isEqualTo(2);
  }

  @Test
  void shouldStoreAndFilterTheAnalysisWhenMentionsAreEnriched() throws Exception {
    Instant t = Instant.parse("2026-03-16T08:00:00Z");
    var angry = mention("a1", t, "Quelle honte", "a", List.of("ville")).withAnalysis(
        new fr.communitydefender.domain.mention.MentionAnalysis("fr", "negative", -0.6, List.of("honte"),
            "fast-lexicon", null));
    var happy = mention("a2", t.plusSeconds(5), "Merci", "b", List.of("ville")).withAnalysis(
        new fr.communitydefender.domain.mention.MentionAnalysis("fr", "positive", 0.5, List.of("Merci"),
            "fast-lexicon", null));
    EsTestSupport.index(client, angry, happy);
    var search = new fr.communitydefender.storage.search.SearchService(client);
    var negative = search.search(new fr.communitydefender.storage.search.SearchQuery(null, null, null, null, null,
        -0.1, null, null, null, 1, 10));
    assertThat(negative.hits()).singleElement().satisfies(h -> {
      assertThat(h.id()).isEqualTo("a1");
      assertThat(h.sentimentLabel()).isEqualTo("negative");
      assertThat(h.drivers()).containsExactly("honte");
      assertThat(h.lang()).isEqualTo("fr");
    });
    var labels = search.top(fr.communitydefender.storage.search.SearchQuery.all(),
        fr.communitydefender.storage.search.SearchService.TopField.SENTIMENTS, 5);
    assertThat(labels.buckets()).extracting(b -> b.key()).containsExactlyInAnyOrder("negative", "positive");
  }

  @Test
  void shouldAddNewFieldsToExistingDailyIndicesWhenSetUpAgain() throws Exception {
    client.indices().create(c -> c.index("mentions-2025.01.01").mappings(m -> m.dynamic(
        co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
        .properties("id", p -> p.keyword(k -> k))));
    IndexSetup.install(client, 0);
    var props = client.indices().getMapping(m -> m.index("mentions-2025.01.01")).mappings()
        .get("mentions-2025.01.01").mappings().properties();
    assertThat(props).containsKeys("sentimentLabel", "drivers", "text", "authorKey");
  }

  @Test
  void shouldCountTermsOfOldDailyIndicesWhenTheyStillHaveTheirTermsSubfield() throws Exception {
    // daily indices of earlier versions index the text twice: as text, and as text.terms for the counts
    client.indices().create(c -> c.index("mentions-2025.02.01").withJson(new StringReader("""
        {"mappings": {"dynamic": "strict", "properties": {"id": {"type": "keyword"},
          "publishedAt": {"type": "date"},
          "text": {"type": "text", "analyzer": "french",
            "fields": {"terms": {"type": "text", "analyzer": "french", "fielddata": true}}}}}}""")));
    client.index(i -> i.index("mentions-2025.02.01").id("o1").document(Map.of("id", "o1", "publishedAt",
        "2025-02-01T10:00:00Z", "text", "Inondations à Sainte-Aure")));
    IndexSetup.install(client, 0);
    client.indices().refresh(r -> r.index("mentions-2025.02.01"));
    var terms = client.search(q -> q.index("mentions-2025.02.01").size(0)
        .aggregations("terms", a -> a.terms(t -> t.field("text"))), Void.class).aggregations().get("terms")
        .sterms().buckets().array();
    assertThat(terms).extracting(b -> b.key().stringValue()).containsExactlyInAnyOrder("inond", "saint", "aure");
  }

  @Test
  void shouldRemoveAStoredMentionWhenItsAuthorDeletedItAtTheSource() throws Exception {
    Instant at = Instant.parse("2026-03-16T10:00:00Z");
    Mention deleted = mention("mastodon:example.org:1", at, "Sainte-Aure, post supprimé ensuite", "@a@example.org",
        List.of("ville"));
    Mention kept = mention("mastodon:example.org:2", at.plusSeconds(5), "Sainte-Aure, post gardé", "@b@example.org",
        List.of("ville"));
    StorageMetrics metrics = new StorageMetrics(new SimpleMeterRegistry());
    try (KafkaProducer<String, Mention> producer = EsTestSupport.mentionProducer(kafka.bootstrapServers());
        KafkaProducer<String, DeadLetter> dlq = EsTestSupport.deadLetterProducer(kafka.bootstrapServers());
        StorageIndexer indexer = new StorageIndexer(kafka.bootstrapServers(),
            w -> new BulkWriter(client, metrics, w, 2000), PSEUDONYMIZER, dlq, metrics,
            new Erasure(client, PSEUDONYMIZER))) {
      Thread thread = Thread.ofPlatform().start(indexer);
      EsTestSupport.send(producer, deleted);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(client)).isEqualTo(1));
      producer.send(new ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), deleted.id(), null)).get();
      EsTestSupport.send(producer, kept);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        client.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN));
        assertThat(client.exists(e -> e.index("mentions-2026.03.16").id(kept.id())).value()).isTrue();
        assertThat(client.exists(e -> e.index("mentions-2026.03.16").id(deleted.id())).value()).isFalse();
      });
      indexer.close();
      thread.join(10_000);
    }
  }
}
