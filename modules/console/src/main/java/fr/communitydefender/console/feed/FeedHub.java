package fr.communitydefender.console.feed;

import fr.communitydefender.console.ConsoleMetrics;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.access.PermissionTable;
import fr.communitydefender.console.feed.internal.SharedText;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live clients and the recent mentions. Runs on the console's event loop only. Messages are JSON:
 * {@code {"type":"snapshot","mentions":[...],"incidents":[...]}} on connect, then {@code {"type":"mention",...}} and
 * {@code {"type":"incident",...}}. Text is sent as data and rendered with DOM text nodes, never as HTML. Mentions are
 * sent by {@link #flush()} (every {@link #FLUSH_MS} ms): one alone as {@code {"type":"mention","mention":{...}}},
 * several as one {@code {"type":"mentions","mentions":[...]}} (oldest first) — at a thousand mentions a second and
 * hundreds of clients, one frame per mention and client was more than the event loop could write. A batch is encoded
 * once for all clients ({@link SharedText}: sent as fragments of one text message).
 */
public final class FeedHub {
  private final Map<ServerWebSocket, Actor> clients = new ConcurrentHashMap<>();
  private final ArrayDeque<Mention> recent = new ArrayDeque<>();
  /** How often {@link #flush()} is to be called, and how many mentions one message carries at most. */
  public static final long FLUSH_MS = 100;
  static final int MAX_BATCH = 500;
  private final java.util.List<Mention> pending = new java.util.ArrayList<>();
  private final int recentMax;
  private final IncidentView incidents;
  private final ConsoleMetrics metrics;
  private volatile Inbound inbound = null;

  /** Messages from the page (room commands, presence); without one, a message closes the socket (1008). */
  public interface Inbound {
    void message(ServerWebSocket ws, Actor actor, String text);

    void closed(ServerWebSocket ws);
  }

  public void inbound(Inbound handler) {
    this.inbound = handler;
  }

  public FeedHub(int recentMax, IncidentView incidents, MeterRegistry registry) {
    this.recentMax = recentMax;
    this.incidents = incidents;
    this.metrics = new ConsoleMetrics(registry, this::clientCount);
  }

  public int clientCount() {
    return clients.size();
  }

  /**
   * A signed-in client joins: it gets the snapshot, then the messages its permissions allow ({@link
   * PermissionTable#mayReceive}). The page sends nothing: a message from the client closes the socket (1008).
   */
  public void join(ServerWebSocket ws, Actor actor) {
    clients.put(ws, actor);
    ws.closeHandler(v -> left(ws));
    ws.exceptionHandler(e -> left(ws));
    ws.textMessageHandler(m -> {
      Inbound in = inbound;
      if (in == null) {
        ws.close((short) 1008, "no messages accepted");
      } else {
        in.message(ws, clients.getOrDefault(ws, actor), m);
      }
    });
    if (PermissionTable.mayReceive(actor, "snapshot")) {
      Map<String, Object> snapshot = new LinkedHashMap<>();
      snapshot.put("type", "snapshot");
      snapshot.put("mentions", recent.reversed());
      snapshot.put("incidents", incidents.list());
      ws.writeTextMessage(Json.write(snapshot));
    }
  }

  private void left(ServerWebSocket ws) {
    clients.remove(ws);
    Inbound in = inbound;
    if (in != null) {
      in.closed(ws);
    }
  }

  /** Closes the sockets whose session ended (signed out, expired, account disabled): 4401 tells the page. */
  public void closeEnded(java.util.function.Predicate<Actor> alive) {
    clients.forEach((ws, actor) -> {
      if (!alive.test(actor)) {
        left(ws);
        ws.close((short) 4401, "session ended");
      }
    });
  }

  /** A mention for the clients: sent by the next {@link #flush()} (at once when a batch is full). */
  public void mention(Mention m) {
    pending.add(m);
    if (pending.size() >= MAX_BATCH) {
      flush();
    }
  }

  /** A mention still in the recent list (or about to be), or null. */
  public Mention recent(String id) {
    for (Mention m : pending) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    for (Mention m : recent) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** Sends the pending mentions (and adds them to the snapshot of later clients). */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    for (Mention m : pending) {
      recent.addLast(m);
    }
    while (recent.size() > recentMax) {
      recent.removeFirst();
    }
    Map<String, Object> message = new LinkedHashMap<>();
    if (pending.size() == 1) {
      message.put("type", "mention");
      message.put("mention", pending.get(0));
    } else {
      message.put("type", "mentions");
      message.put("mentions", java.util.List.copyOf(pending));
    }
    pending.clear();
    broadcast("mention", Json.write(message));
  }

  public void incident(IncidentEvent e) {
    broadcast("incident", Json.write(Map.of("type", "incident", "event", e)));
  }

  /**
   * Sends a message of {@code type} to every client allowed to receive it ({@link PermissionTable#mayReceive}),
   * encoded once for all of them; a client whose write queue is full misses it.
   */
  public void broadcast(String type, String message) {
    SharedText text = null;
    int sent = 0;
    for (Map.Entry<ServerWebSocket, Actor> c : clients.entrySet()) {
      ServerWebSocket ws = c.getKey();
      if (!ws.isClosed() && !ws.writeQueueFull() && PermissionTable.mayReceive(c.getValue(), type)) {
        if (text == null) {
          text = SharedText.of(message);
        }
        text.writeTo(ws);
        sent++;
      }
    }
    metrics.pushed(sent);
  }
}
