package fr.communitydefender.collectors.live;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.bluesky.BlueskyCollector;
import fr.communitydefender.collectors.bluesky.BlueskyConfig;
import fr.communitydefender.collectors.facebook.FacebookCollector;
import fr.communitydefender.collectors.facebook.FacebookConfig;
import fr.communitydefender.collectors.feed.FeedCollector;
import fr.communitydefender.collectors.feed.FeedConfig;
import fr.communitydefender.collectors.mastodon.MastodonCollector;
import fr.communitydefender.collectors.mastodon.MastodonConfig;
import fr.communitydefender.collectors.webhook.WebhookConfig;
import fr.communitydefender.collectors.webhook.WebhookRouter;
import fr.communitydefender.collectors.x.XCollector;
import fr.communitydefender.collectors.x.XConfig;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.collector.CollectorCursor;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The configured live collectors of one process: each deployed as a worker verticle, resuming from its saved cursor;
 * webhook intakes exposed as a router for the process's HTTP server; health for {@code /api/health} and metrics.
 */
public final class LiveCollectors implements AutoCloseable {
  private final Vertx vertx;
  private final List<LiveCollector> collectors = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final List<WebhookConfig> intakes = new ArrayList<>();
  private final KafkaProducer<String, Mention> mentions;
  private final KafkaProducer<String, DeadLetter> deadLetters;
  private final KafkaProducer<String, CollectorCursor> cursors;
  private final KafkaProducer<String, CollectorHealth> health;
  private final MentionSink sink;

  private LiveCollectors(Vertx vertx, String bootstrap, CollectorMetrics metrics) {
    this.vertx = vertx;
    this.mentions = Producers.forTopic(bootstrap, Topics.MENTIONS_RAW, "cd-collectors");
    this.deadLetters = Producers.forTopic(bootstrap, Topics.DEAD_LETTER, "cd-collectors-dlq");
    this.cursors = Producers.forTopic(bootstrap, Topics.COLLECTOR_STATE, "cd-collectors-state");
    this.health = Producers.forTopic(bootstrap, Topics.COLLECTOR_HEALTH, "cd-collectors-health");
    this.sink = new MentionSink(mentions, deadLetters, metrics);
  }

  public static LiveCollectors start(Vertx vertx, CollectorsConfig config, String bootstrap, CollectorMetrics metrics) {
    LiveCollectors live = new LiveCollectors(vertx, bootstrap, metrics);
    try {
      CursorStore store = CursorStore.load(bootstrap, live.cursors, live.health);
      for (SourceConfig source : config.collectors()) {
        LiveCollector c = switch (source) {
          case MastodonConfig m -> new MastodonCollector(m, live.sink, store, metrics);
          case BlueskyConfig b -> new BlueskyCollector(b, live.sink, store, metrics);
          case FeedConfig f -> new FeedCollector(f, live.sink, store, metrics);
          case XConfig x -> new XCollector(x, live.sink, store, metrics);
          case FacebookConfig f -> new FacebookCollector(f, live.sink, store, metrics);
          case WebhookConfig w -> {
            live.intakes.add(w);
            yield null;
          }
          default -> throw new IllegalArgumentException("unknown collector type " + source.type());
        };
        if (c != null) {
          live.collectors.add(c);
          Gauge.builder("cd.collector.connected", c, x -> x.health().connected() ? 1 : 0)
              .description("1 while the collector is connected to its source").tag("collector", c.id())
              .register(metrics.registry());
          Gauge.builder("cd.collector.lag.seconds", c, x -> x.health().lagSeconds() == null ? Double.NaN
                  : x.health().lagSeconds()).description("Age of the last message's publication")
              .tag("collector", c.id()).register(metrics.registry());
          live.deployments.add(vertx.deployVerticle(c, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
              .await(30, TimeUnit.SECONDS));
        }
      }
    } catch (Exception e) {
      live.close();
      throw new IllegalStateException("cannot start collectors: " + e.getMessage(), e);
    }
    return live;
  }

  /** The webhook intakes' router ({@code /intake/:id}), or null when none is configured. */
  public Router intakeRouter(WebhookRouter.Errors errors) {
    return intakes.isEmpty() ? null : WebhookRouter.create(vertx, intakes, sink, errors);
  }

  public List<CollectorHealth> health() {
    return collectors.stream().map(LiveCollector::health).toList();
  }

  @Override
  public void close() {
    for (String d : deployments) {
      try {
        vertx.undeploy(d).await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    for (var p : List.of(mentions, deadLetters, cursors, health)) {
      p.close(Duration.ofSeconds(10));
    }
  }
}
