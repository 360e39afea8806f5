package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's first finding on the real broker: a drill whose first mention is dated 5 hours ahead (a feed in the
 * wrong time zone), the others the last minutes. The broker refuses changelog records more than an hour ahead, which
 * stopped the processing stage for good; now the mention is counted at its arrival and everything goes through.
 */
class FutureDatedMentionIT {
  private static final int N = 60;
  @TempDir
  Path dir;

  @Test
  void shouldProcessEveryMentionAndOpenTheIncidentWhenOneIsDatedHoursAhead() throws Exception {
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null, null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville", Duration.ofMinutes(5), 20L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));
    Instant start = Instant.now();
    List<String> lines = new ArrayList<>();
    lines.add(Json.write(new Mention("future", "rss", start.plus(Duration.ofHours(5)), "Sainte-Aure : flux décalé",
        "flux", null, "fr", 1, List.of())));
    Instant t0 = start.minusSeconds(300);
    for (int i = 0; i < N; i++) {
      lines.add(Json.write(new Mention("now-" + i, "drill", t0.plusSeconds(4L * i), "Alerte à Sainte-Aure n°" + i,
          "habitant_" + i, null, "fr", 1, List.of())));
    }
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT),
        dir.resolve("core"), null, 0, "127.0.0.1", 0, 2, null, watches, rules, null, null, null, null))) {
      try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
          dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 2, null, watches, rules,
          new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
        assertThat(collector.awaitReplay(60_000)).isNotNull()
            .satisfies(r -> assertThat(r.published()).isEqualTo(N + 1));
      }
      List<ConsumerRecord<String, Mention>> enriched = TopicReader.readUntil(core.bootstrapServers(),
          Topics.MENTIONS_ENRICHED, rs -> rs.size() >= N + 1, Duration.ofSeconds(90));
      assertThat(enriched).hasSize(N + 1);
      Instant afterReplay = Instant.now();
      assertThat(enriched).filteredOn(r -> r.key().equals("future")).singleElement()
          .satisfies(r -> assertThat(r.value().publishedAt()).as("set to its arrival").isBetween(start, afterReplay));
      List<ConsumerRecord<String, IncidentEvent>> incidents = TopicReader.readUntil(core.bootstrapServers(),
          Topics.INCIDENTS, rs -> !rs.isEmpty(), Duration.ofSeconds(60));
      assertThat(incidents).isNotEmpty()
          .allSatisfy(r -> assertThat(r.value().type()).isIn(IncidentEvent.Type.OPENED, IncidentEvent.Type.UPDATED));
      assertThat(core.registry().get("cd.mentions.future.dated").counter().count()).isEqualTo(1);
    }
  }
}
