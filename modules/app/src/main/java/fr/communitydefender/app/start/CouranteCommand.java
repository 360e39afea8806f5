package fr.communitydefender.app.start;

import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.room.Courante;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.domain.topic.Topics;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code courante verify}: reads the main courante from Kafka (the source of truth) and checks every incident's chain
 * against the room's own record of its head; exit 0 when all are intact, 1 when one breaks (and where).
 */
@Command(name = "courante", mixinStandardHelpOptions = true, description = "The incidents' main courante.",
    subcommands = {CouranteCommand.Verify.class})
public final class CouranteCommand {
  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Checks that the main courante of each "
      + "incident (or of --incident) is intact; says where a chain breaks.")
  static final class Verify implements Callable<Integer> {
    @Option(names = "--incident", paramLabel = "ID", description = "Only this incident.")
    String incident;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Kafka cluster (default: the local "
        + "run's broker on 127.0.0.1:19092 if it answers, else the embedded broker of --data-dir).")
    String kafkaBootstrap;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data", description = "Data directory of a "
        + "stopped local run (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
      EmbeddedKafka kafka = null;
      String bootstrap = kafkaBootstrap;
      if (bootstrap == null) {
        if (answers("127.0.0.1", 19092)) {
          bootstrap = "127.0.0.1:19092";
        } else {
          kafka = EmbeddedKafka.start(dataDir, 0);
          bootstrap = kafka.bootstrapServers();
        }
      }
      try {
        return verify(bootstrap, incident, System.out);
      } finally {
        if (kafka != null) {
          kafka.close();
        }
      }
    }
  }

  private CouranteCommand() {}

  static int verify(String bootstrap, String only, PrintStream out) {
    Map<String, List<CouranteEntry>> entries = new TreeMap<>();
    for (var r : TopicReader.readAll(bootstrap, Topics.MAIN_COURANTE, Duration.ofSeconds(30))) {
      if (r.value() != null && (only == null || only.equals(r.key()))) {
        entries.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
      }
    }
    Map<String, RoomState> states = new LinkedHashMap<>();
    for (var r : TopicReader.readAll(bootstrap, Topics.ROOM_STATES, Duration.ofSeconds(30))) {
      if (r.value() != null) {
        states.put(r.key(), r.value());
      }
    }
    if (only != null) {
      entries.putIfAbsent(only, List.of());
    }
    states.keySet().stream().filter(k -> only == null).forEach(k -> entries.putIfAbsent(k, List.of()));
    int broken = 0;
    for (Map.Entry<String, List<CouranteEntry>> e : entries.entrySet()) {
      RoomState s = states.get(e.getKey());
      Courante.Verification v = Courante.verify(e.getKey(), e.getValue(), s == null ? null : s.seq(),
          s == null ? null : s.head());
      if (v.intact()) {
        out.printf("%s: intact, %d entries, head %s%n", e.getKey(), v.entries(), v.head().substring(0, 16));
      } else {
        broken++;
        out.printf("%s: BROKEN at entry %d: %s%n", e.getKey(), v.brokenAt(), v.reason());
      }
    }
    if (entries.isEmpty()) {
      out.println(only == null ? "no main courante yet" : "no entries for incident " + only);
    }
    return broken == 0 ? 0 : 1;
  }

  private static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
