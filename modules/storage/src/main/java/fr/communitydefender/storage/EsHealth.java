package fr.communitydefender.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Pings Elasticsearch every few seconds on its own thread, so health checks never block a caller. */
public final class EsHealth implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cd-es-health");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean up;

  public EsHealth(ElasticsearchClient client) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        up = client.ping().value();
      } catch (Exception e) {
        up = false;
      }
    }, 0, 5, TimeUnit.SECONDS);
  }

  public boolean up() {
    return up;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
