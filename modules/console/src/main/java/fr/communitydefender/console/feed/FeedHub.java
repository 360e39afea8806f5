package fr.communitydefender.console.feed;

import fr.communitydefender.console.ConsoleMetrics;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live clients and the recent mentions. Runs on the console's event loop only. Messages are JSON:
 * {@code {"type":"snapshot","mentions":[...],"incidents":[...]}} on connect, then {@code {"type":"mention",...}} and
 * {@code {"type":"incident",...}}. Text is sent as data and rendered with DOM text nodes, never as HTML.
 */
public final class FeedHub {
  private final Set<ServerWebSocket> clients = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<Mention> recent = new ArrayDeque<>();
  private final int recentMax;
  private final IncidentView incidents;
  private final ConsoleMetrics metrics;

  public FeedHub(int recentMax, IncidentView incidents, MeterRegistry registry) {
    this.recentMax = recentMax;
    this.incidents = incidents;
    this.metrics = new ConsoleMetrics(registry, this::clientCount);
  }

  public int clientCount() {
    return clients.size();
  }

  public void join(ServerWebSocket ws) {
    clients.add(ws);
    ws.closeHandler(v -> clients.remove(ws));
    ws.exceptionHandler(e -> clients.remove(ws));
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("type", "snapshot");
    snapshot.put("mentions", recent.reversed());
    snapshot.put("incidents", incidents.list());
    ws.writeTextMessage(Json.write(snapshot));
  }

  public void mention(Mention m) {
    recent.addLast(m);
    while (recent.size() > recentMax) {
      recent.removeFirst();
    }
    broadcast(Json.write(Map.of("type", "mention", "mention", m)));
  }

  public void incident(IncidentEvent e) {
    broadcast(Json.write(Map.of("type", "incident", "event", e)));
  }

  private void broadcast(String message) {
    int sent = 0;
    for (ServerWebSocket ws : clients) {
      if (!ws.isClosed() && !ws.writeQueueFull()) {
        ws.writeTextMessage(message);
        sent++;
      }
    }
    metrics.pushed(sent);
  }
}
