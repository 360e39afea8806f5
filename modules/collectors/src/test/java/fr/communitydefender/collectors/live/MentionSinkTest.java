package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Event time never runs ahead of ingestion: a mention dated hours ahead is published dated now. */
class MentionSinkTest {
  private static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MockProducer<String, Mention> mentions = new MockProducer<>(true, null, new StringSerializer(),
      Topics.MENTIONS_RAW.valueSerde().serializer());
  private final MockProducer<String, DeadLetter> dead = new MockProducer<>(true, null, new StringSerializer(),
      Topics.DEAD_LETTER.valueSerde().serializer());
  private final MentionSink sink = new MentionSink(mentions, dead, new CollectorMetrics(registry),
      Clock.fixed(NOW, ZoneOffset.UTC));

  private static Mention at(String id, Instant t) {
    return new Mention(id, "rss", t, "texte", "a", null, "fr", 0, List.of());
  }

  @Test
  void shouldDateNowAMentionDatedHoursAheadAndKeepOneSlightlyAhead() throws Exception {
    assertThat(sink.publish("feed", at("f1", NOW.plusSeconds(5 * 3600))).get()).isTrue();
    assertThat(sink.publish("feed", at("f2", NOW.plus(MentionSink.MAX_AHEAD))).get()).isTrue();
    assertThat(sink.publish("feed", at("f3", NOW.minusSeconds(3600))).get()).isTrue();
    assertThat(mentions.history()).extracting(r -> r.value().publishedAt())
        .containsExactly(NOW, NOW.plus(MentionSink.MAX_AHEAD), NOW.minusSeconds(3600));
    assertThat(registry.counter("cd.collector.future.dated", "source", "feed").count()).isEqualTo(1);
  }
}
