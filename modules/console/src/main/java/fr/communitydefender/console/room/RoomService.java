package fr.communitydefender.console.room;

import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomOutcome;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends people's room commands, for HTTP and WebSocket alike, and waits for the room stage's answer: the command
 * carries the session's user name and roles, never the client's word; the room stage alone decides (permissions
 * in the approval chains, four-eyes, versions), so the answer is the truth. No answer within 10 s: 504.
 */
public final class RoomService {
  static final long TIMEOUT_MS = 10_000;
  private record Pending(Context context, Promise<RoomOutcome> promise) {}

  private final Vertx vertx;
  private final KafkaSender sender;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public RoomService(Vertx vertx, KafkaSender sender, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sends a person's command; fails with {@link Failure} (status, message) when it cannot be sent or answered. */
  public Future<RoomOutcome> submit(Context context, Actor actor, String incident, RoomCommand.Type type,
      Map<String, String> args) {
    if (type.system()) {
      return Future.failedFuture(new Failure(403, "'" + type.path() + "' is the pipeline's own command"));
    }
    return send(context, new RoomCommand(UUID.randomUUID().toString(), incident, type, actor.username(),
        actor.roles(), clock.instant(), args));
  }

  /** Sends a command of the console itself (the suspend switch's copies), actor {@code system:console}. */
  public Future<RoomOutcome> system(Context context, String incident, RoomCommand.Type type, Map<String, String> args) {
    return send(context, new RoomCommand(UUID.randomUUID().toString(), incident, type, "system:console", null,
        clock.instant(), args));
  }

  private Future<RoomOutcome> send(Context context, RoomCommand c) {
    Promise<RoomOutcome> promise = Promise.promise();
    pending.put(c.id(), new Pending(context, promise));
    long timer = vertx.setTimer(TIMEOUT_MS, t -> {
      if (pending.remove(c.id()) != null) {
        promise.tryFail(new Failure(504, "the incident room did not answer within 10 s; the command may still be "
            + "applied: reload to see"));
      }
    });
    sender.send(context, Topics.ROOM_COMMANDS, c.incidentId(), c).onFailure(e -> {
      pending.remove(c.id());
      vertx.cancelTimer(timer);
      promise.tryFail(new Failure(503, "not sent: Kafka did not answer"));
    });
    return promise.future().onComplete(x -> vertx.cancelTimer(timer));
  }

  /** An answer read from the outcomes topic (any thread). */
  public void outcome(RoomOutcome o) {
    Pending p = pending.remove(o.commandId());
    if (p != null) {
      p.context().runOnContext(v -> p.promise().tryComplete(o));
    }
  }

  /** Why a command was not answered. */
  public static final class Failure extends RuntimeException {
    public final int status;

    public Failure(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }
}
