package fr.communitydefender.paging.escalation;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.paging.AckToken;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.inbound.SmsReplies;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.Person;
import fr.communitydefender.paging.oncall.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns incident events into pages: an opened (or reopened) incident pages the first level of its policy at once; a
 * wall-clock punctuation pages the next level when the delay passed without acknowledgement, starts over
 * {@code repeat} times, then tells everyone paged that nobody took it; an acknowledgement stops the escalation and
 * sets the reminder; a resolution tells everyone paged. Silenced incidents page nobody. Times are the wall clock
 * (people, not data, are late), and stored, so a restart carries on.
 */
final class Escalator implements Processor<String, IncidentEvent, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

  private final OnCallConfig config;
  private final byte[] ackKey;
  private final PagingMetrics metrics;
  private final Duration tick;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, EscalationState> store;

  Escalator(OnCallConfig config, byte[] ackKey, PagingMetrics metrics, Duration tick) {
    this.config = config;
    this.ackKey = ackKey;
    this.metrics = metrics;
    this.tick = tick;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(PagingTopology.STORE);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  @Override
  public void process(Record<String, IncidentEvent> record) {
    IncidentEvent e = record.value();
    if (e == null) {
      return;
    }
    Incident incident = e.incident();
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    EscalationState state = store.get(incident.id());
    switch (e.type()) {
      case OPENED, REOPENED -> open(incident, e.at(), now);
      case UPDATED -> {
        if (state != null) {
          store.put(incident.id(), state.with(incident));
        }
      }
      case ACKNOWLEDGED -> {
        if (state != null) {
          Policy policy = policy(state);
          store.put(incident.id(), state.with(incident).at(EscalationState.Phase.ACKED, state.round(), state.level(),
              now.plus(policy.ackTimeout())));
          metrics.acknowledged();
        }
      }
      case RESOLVED -> {
        if (state != null) {
          EscalationState resolved = state.with(incident);
          List<Person> people = resolved.paged().stream().flatMap(id -> config.person(id).stream()).toList();
          send(resolved, people, Notification.Kind.RESOLVED, now);
          store.delete(incident.id());
        }
      }
    }
  }

  private void open(Incident incident, Instant since, Instant now) {
    if (incident.silencedBy() != null) {
      LOG.atInfo().addKeyValue("incident", incident.id()).addKeyValue("silence", incident.silencedBy())
          .log("silenced incident: nobody paged");
      return;
    }
    Policy policy = config.policyFor(incident.watchId(), incident.severity()).orElse(null);
    if (policy == null) {
      LOG.atInfo().addKeyValue("incident", incident.id()).log("no route pages this incident");
      return;
    }
    EscalationState state = new EscalationState(incident, since, policy.id(), EscalationState.Phase.PAGING, 0, 0, 0,
        now.plus(policy.levels().get(0).delay()), List.of());
    store.put(incident.id(), pageLevel(state, Notification.Kind.OPENED, now));
  }

  private Policy policy(EscalationState state) {
    return config.policies().stream().filter(p -> p.id().equals(state.policyId())).findFirst()
        .orElse(config.policies().get(0));
  }

  private EscalationState pageLevel(EscalationState state, Notification.Kind kind, Instant now) {
    List<Person> people = config.resolve(policy(state).levels().get(state.level()), now);
    return send(state, people, kind, now);
  }

  private void tick(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<KeyValue<String, EscalationState>> due = new ArrayList<>();
    try (KeyValueIterator<String, EscalationState> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, EscalationState> kv = it.next();
        if (kv.value.nextAt() != null && !kv.value.nextAt().isAfter(now)) {
          due.add(kv);
        }
      }
    }
    for (KeyValue<String, EscalationState> kv : due) {
      store.put(kv.key, advance(kv.value, now));
    }
  }

  private EscalationState advance(EscalationState s, Instant now) {
    Policy policy = policy(s);
    if (s.phase() == EscalationState.Phase.ACKED) {
      List<Person> people = config.resolve(policy.levels().get(s.level()), now);
      return send(s.at(s.phase(), s.round(), s.level(), now.plus(policy.ackTimeout())), people,
          Notification.Kind.REMINDER, now);
    }
    int level = s.level() + 1;
    int round = s.round();
    if (level >= policy.levels().size()) {
      level = 0;
      round++;
    }
    if (round > policy.repeat()) {
      List<Person> people = s.paged().stream().flatMap(id -> config.person(id).stream()).toList();
      metrics.unacknowledged();
      return send(s.at(EscalationState.Phase.DONE, s.round(), s.level(), null), people,
          Notification.Kind.UNACKNOWLEDGED, now);
    }
    metrics.escalated();
    EscalationState next = s.at(EscalationState.Phase.PAGING, round, level, now.plus(policy.levels().get(level).delay()));
    return pageLevel(next, Notification.Kind.ESCALATED, now);
  }

  /**
   * Pages each person on their first usable channel (the others as fallbacks); in quiet hours, below the policy's
   * severity, only by email — the rest is recorded as held.
   */
  private EscalationState send(EscalationState s, List<Person> people, Notification.Kind kind, Instant now) {
    Incident i = s.incident();
    boolean quiet = config.quietHours() != null && config.quietHours().holds(i.severity(), now)
        && kind != Notification.Kind.RESOLVED;
    for (Person p : people) {
      List<Notification.Channel> channels = p.reachable().stream().filter(this::configured).toList();
      if (quiet) {
        channels.stream().filter(c -> c != Notification.Channel.EMAIL).forEach(c -> context.forward(
            new Record<>(i.id(), new DeliveryAttempt(id(s, p, c), i.id(), kind, s.level(), p.id(), c,
                DeliveryAttempt.mask(p.address(c)), "quiet-hours", null, DeliveryAttempt.Outcome.HELD,
                "heures calmes : " + i.severity().id() + " < " + config.quietHours().below().id(), now, i.watchId()),
                now.toEpochMilli()), PagingTopology.ATTEMPTS_SINK));
        channels = channels.stream().filter(c -> c == Notification.Channel.EMAIL).toList();
      }
      if (channels.isEmpty()) {
        continue;
      }
      boolean ackable = kind == Notification.Kind.OPENED || kind == Notification.Kind.ESCALATED;
      String ackUrl = ackable ? config.consoleUrl() + "/ack/" + new AckToken(i.id(), p.id(),
          now.plus(config.ackLinkTtl()), s.since().getEpochSecond() + "-" + s.round() + "-" + s.seq()).sign(ackKey) : null;
      Messages.Text text = Messages.of(kind, i, p.lang(), config.consoleUrl(), ackUrl, s.level(),
          config.channels().smsReplies() ? SmsReplies.code(i.id()) : null);
      Notification.Channel first = channels.get(0);
      Notification n = new Notification(id(s, p, first), i.id(), i.watchId(), kind, s.level(), i.severity(), p.id(),
          p.name(), first, p.address(first), p.lang(), text.subject(), text.body(), text.sms(), ackUrl,
          channels.subList(1, channels.size()), now);
      context.forward(new Record<>(i.id(), n, now.toEpochMilli()), PagingTopology.OUTBOX_SINK);
      metrics.queued(kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return s.paged(people.stream().map(Person::id).toList());
  }

  private boolean configured(Notification.Channel c) {
    return switch (c) {
      case EMAIL -> config.channels().email() != null;
      case SMS -> config.channels().sms() != null;
      case WEBHOOK -> config.channels().webhook() != null;
    };
  }

  private static String id(EscalationState s, Person p, Notification.Channel c) {
    return s.incident().id() + ":" + s.since().getEpochSecond() + ":" + s.seq() + ":" + p.id() + ":" + c.name();
  }
}
