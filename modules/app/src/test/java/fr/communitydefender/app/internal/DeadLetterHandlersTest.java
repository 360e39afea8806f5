package fr.communitydefender.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.topic.Topics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the application's Streams settings, a record that makes a processor throw is dead-lettered and the next goes on. */
class DeadLetterHandlersTest {
  @TempDir
  Path dir;

  @Test
  void shouldDeadLetterTheRecordThatThrowsAndProcessTheNext() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(v -> {
          if (v.contains("boom")) {
            throw new IllegalStateException("cannot handle " + v.length() + " characters");
          }
          return v.toUpperCase();
        }, Named.as("shout"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = StreamsApp.properties("dlq-test", "unused:9092", dir, 1);
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(),
          Serdes.String().serializer());
      TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
          Serdes.String().deserializer());
      TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic(Topics.DEAD_LETTER.name(),
          Topics.DEAD_LETTER.keySerde().deserializer(), Topics.DEAD_LETTER.valueSerde().deserializer());
      in.pipeInput("a", "avant");
      in.pipeInput("b", "boom <script>");
      in.pipeInput("c", "après");
      assertThat(out.readValuesToList()).containsExactly("AVANT", "APRÈS");
      assertThat(dead.readKeyValuesToList()).singleElement().satisfies(kv -> {
        assertThat(kv.key).isEqualTo("in");
        assertThat(kv.value.payload()).isEqualTo("boom <script>");
        assertThat(kv.value.line()).isEqualTo(1);
        assertThat(kv.value.reason()).isEqualTo("processor shout: IllegalStateException: cannot handle 13 characters");
      });
    }
  }
}
