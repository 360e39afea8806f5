package fr.communitydefender.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.incident.AlertTopology;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.collectors.replay.ReplayFormat;
import fr.communitydefender.collectors.replay.ReplayRecord;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.volume.VolumeConfig;
import fr.communitydefender.streams.volume.VolumeTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDrillTest {
  @TempDir
  Path dataDir;

  @Test
  void shouldWriteALabelledSyntheticDrillWithOneMalformedLineWhenGenerated() throws Exception {
    Path file = DemoDrill.write(dataDir);
    assertThat(DemoDrill.lines()).isEqualTo(DemoDrill.lines());
    assertThat(DemoDrill.lines().get(0)).startsWith("# SYNTHETIC DATA");
    List<ReplayRecord> records = ReplayFormat.JSONL.read(file);
    assertThat(records).filteredOn(r -> r instanceof ReplayRecord.Malformed).hasSize(1);
    assertThat(records).filteredOn(r -> r instanceof ReplayRecord.Parsed).hasSizeGreaterThan(500);
  }

  private static Properties props(String id) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return p;
  }

  @Test
  void shouldOpenIncidentsForBothDemoWatchesWithinTheFirstFifteenMinutesWhenTheDrillRunsThroughBothTopologies()
      throws Exception {
    WatchesConfig watches = DemoDrill.watches(dataDir);
    AlertRules rules = AlertRules.load(Path.of("../../alert-rules"), watches.ids());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<KeyValue<String, VolumeSignal>> signals;
    try (TopologyTestDriver volume = new TopologyTestDriver(
        VolumeTopology.build(VolumeConfig.of(watches.watches()),
            Enricher.standard(new EnrichmentMetrics(registry)), new PipelineMetrics(registry)), props("v"))) {
      TestInputTopic<String, String> raw = volume.createInputTopic(Topics.MENTIONS_RAW.name(),
          Serdes.String().serializer(), Serdes.String().serializer());
      for (ReplayRecord r : ReplayFormat.JSONL.read(DemoDrill.write(dataDir))) {
        if (r instanceof ReplayRecord.Parsed p) {
          Mention m = p.mention();
          raw.pipeInput(m.id(), Json.write(m), m.publishedAt());
        }
      }
      signals = volume.createOutputTopic(Topics.SIGNALS_VOLUME.name(), Serdes.String().deserializer(),
          JsonSerde.of(VolumeSignal.class).deserializer()).readKeyValuesToList();
    }
    try (TopologyTestDriver alert = new TopologyTestDriver(
        AlertTopology.build(rules, new AlertingMetrics(registry)), props("a"))) {
      TestInputTopic<String, VolumeSignal> in = alert.createInputTopic(Topics.SIGNALS_VOLUME.name(),
          Serdes.String().serializer(), JsonSerde.of(VolumeSignal.class).serializer());
      signals.forEach(kv -> in.pipeInput(kv.key, kv.value, kv.value.windowEnd()));
      List<IncidentEvent> all = alert.createOutputTopic(Topics.INCIDENTS.name(), Serdes.String().deserializer(),
          JsonSerde.of(IncidentEvent.class).deserializer()).readValuesToList();
      List<IncidentEvent> opened = all.stream().filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
      List<IncidentEvent> spikes = opened.stream().filter(e -> e.incident().ruleId().equals("volume-spike")).toList();
      assertThat(spikes).extracting(e -> e.incident().watchId()).containsExactlyInAnyOrder("sainte-aure", "crue");
      assertThat(spikes).allSatisfy(e -> assertThat(e.at())
          .isBefore(DemoDrill.START.plus(Duration.ofMinutes(15)))
          .isAfter(DemoDrill.START.plus(Duration.ofMinutes(10))));
      assertThat(spikes).as("one incident per watch: the angry posts join the spike's incident").hasSize(opened.size());
      assertThat(all).as("the flood's angry posts").anySatisfy(e -> {
        assertThat(e.incident().watchId()).isEqualTo("crue");
        assertThat(e.incident().joinedRules()).contains("negative-share");
      });
    }
  }
}
