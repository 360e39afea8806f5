package fr.communitydefender.app.start;

import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.room.RoomConfig;
import fr.communitydefender.room.RoomMetrics;
import fr.communitydefender.room.RoomTopology;
import fr.communitydefender.room.publish.BlueskyClient;
import fr.communitydefender.room.publish.MastodonClient;
import fr.communitydefender.room.publish.Publisher;
import fr.communitydefender.room.publish.PublishingConfig;
import fr.communitydefender.room.publish.SocialClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room role as one unit: the room stage (Streams app {@code cd-room}, exactly-once) and the publisher. Without
 * publishing accounts, a demo client may stand for the commune's Mastodon (local mode: {@link LocalEngines}).
 */
final class RoomUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(RoomUnit.class);
  private final RoomOptions options;
  private final byte[] outboxKey;
  private final String consoleUrl;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private StreamsApp app;
  private Publisher publisher;
  private final java.util.function.Supplier<SocialClient> demoMastodon;

  /** {@code demoMastodon}: the client used when no publishing file is given (local mode), or null. */
  RoomUnit(RoomOptions options, byte[] outboxKey, String consoleUrl,
      java.util.function.Supplier<SocialClient> demoMastodon) {
    this.options = Objects.requireNonNull(options, "options");
    this.outboxKey = Objects.requireNonNull(outboxKey, "outboxKey");
    this.consoleUrl = Objects.requireNonNull(consoleUrl, "consoleUrl");
    this.demoMastodon = demoMastodon;
  }

  @Override
  public String name() {
    return "room";
  }

  /** Starts the room stage and the publisher. */
  @Override
  public void start(UnitContext c) {
    String bootstrap = c.bootstrap();
    Path stateDir = c.stateDir();
    MeterRegistry registry = c.registry();
    RoomMetrics metrics = new RoomMetrics(registry);
    app = StreamsApp.startExactlyOnce("cd-room", RoomTopology.build(new RoomConfig(options.chains(), outboxKey,
        consoleUrl, Duration.ofSeconds(1)), metrics), bootstrap, stateDir, registry);
    resources.push(app);
    Map<String, SocialClient> clients = new HashMap<>();
    PublishingConfig p = options.publishing();
    if (p != null && p.mastodon() != null) {
      clients.put("mastodon", new MastodonClient(p.mastodon().baseUrl(), p.mastodon().accessToken().value()));
    }
    if (p != null && p.bluesky() != null) {
      clients.put("bluesky", new BlueskyClient(p.bluesky().service(), p.bluesky().handle(),
          p.bluesky().appPassword().value()));
    }
    if (p == null && demoMastodon != null) {
      clients.put("mastodon", demoMastodon.get());
    }
    var commands = Producers.forTopic(bootstrap, Topics.ROOM_COMMANDS, "cd-publisher");
    resources.push(commands);
    publisher = new Publisher(bootstrap, clients, commands, metrics, Clock.systemUTC(), 4, Duration.ofSeconds(2));
    Thread thread = Thread.ofPlatform().name("cd-publisher").start(publisher);
    resources.push(() -> {
      publisher.close();
      thread.join(10_000);
    });
  }

  @Override
  public boolean healthy() {
    return app != null && app.running() && publisher.healthy(Duration.ofSeconds(60));
  }


  @Override
  public void stop() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.atWarn().setCause(e).log("error while stopping the room role");
      }
    }
  }
}
