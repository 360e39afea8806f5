package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.FlatlineRule;
import fr.communitydefender.alerting.rules.NewTermRule;
import fr.communitydefender.alerting.rules.RuleOptions;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.config.Durations;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.signal.VolumeSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Evaluates the rules on each watch's signals and keeps its incidents' life cycle. */
public final class IncidentTracker implements Processor<String, AlertInput, String, IncidentEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentTracker.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final AlertRules rules;
  private final AlertingMetrics metrics;
  private final Duration quietCheck;
  private final Duration keep;
  private final Map<String, AlertRule> rulesById = new HashMap<>();
  /** Minute figures (sentiment, reach, sources) are kept only as long as the rules that read them need. */
  private final Duration keepFigures;
  /** Minutes are learned once they have left every volume_spike rule's trailing window. */
  private final Duration learningLag;
  /** Wall-clock time (ms) at which each watch's clock last moved; not persisted (a restart starts it afresh). */
  private final Map<String, Long> clockSetAtWall = new HashMap<>();
  private ProcessorContext<String, IncidentEvent> context;
  private WatchStates store;
  private KeyValueStore<String, fr.communitydefender.domain.incident.Silence> silences;
  private KeyValueStore<String, fr.communitydefender.domain.collector.CollectorHealth> collectors;

  public IncidentTracker(AlertRules rules, AlertingMetrics metrics, Duration quietCheck) {
    this.rules = rules;
    this.metrics = metrics;
    this.quietCheck = quietCheck;
    rules.rules().forEach(r -> rulesById.put(r.id(), r));
    this.keep = rules.rules().stream().map(AlertRule::span).max(Duration::compareTo).orElse(Duration.ZERO)
        .plus(WatchState.SETTLE).plusHours(1);
    this.keepFigures = rules.rules().stream().filter(AlertRule::readsFigures).map(AlertRule::span)
        .max(Duration::compareTo).orElse(Duration.ZERO).plus(WatchState.SETTLE).plusHours(1);
    this.learningLag = rules.rules().stream().filter(r -> r instanceof VolumeSpikeRule)
        .map(r -> ((VolumeSpikeRule) r).window()).max(Duration::compareTo).orElse(WatchState.SETTLE);
  }

  @Override
  public void init(ProcessorContext<String, IncidentEvent> context) {
    this.context = context;
    this.store = new WatchStates(context.getStateStore(
        fr.communitydefender.alerting.incident.AlertTopology.STATE_STORE));
    this.silences = context.getStateStore(fr.communitydefender.alerting.incident.AlertTopology.SILENCES_STORE);
    this.collectors = context.getStateStore(fr.communitydefender.alerting.incident.AlertTopology.COLLECTORS_STORE);
    context.schedule(quietCheck, PunctuationType.WALL_CLOCK_TIME, this::checkQuiet);
  }

  @Override
  public void process(Record<String, AlertInput> record) {
    if (record.value() == null) {
      return;
    }
    if (record.value().command() != null) {
      command(record.value().command());
      return;
    }
    if (record.value().term() != null) {
      term(record.value().term());
      return;
    }
    VolumeSignal signal = record.value().signal();
    String watchId = signal.watchId();
    WatchState state = store.get(watchId);
    state = state == null ? WatchState.empty(watchId) : state;
    state.record(signal.windowStart().toEpochMilli(), signal.count(), new WatchState.Figures(signal.scored(),
        signal.negative(), signal.sentimentSum(), signal.maxReach(), signal.sources(), signal.verified()));
    Instant clock = state.clock().isAfter(signal.windowEnd()) ? state.clock() : signal.windowEnd();
    if (clock.isAfter(state.clock())) {
      clockSetAtWall.put(watchId, context.currentSystemTimeMs());
    }
    state = state.withClock(clock).learn(signal.windowStart(), learningLag);
    state.prune(keep, keepFigures);
    Instant at = evaluatedAt(signal, record.timestamp());
    for (AlertRule rule : rules.rules()) {
      if (rule.appliesTo(watchId)) {
        evaluate(rule, state, at);
      }
    }
    store.put(watchId, state);
  }

  /**
   * When a signal is evaluated: the time of the latest mention it counts (the record's timestamp, which a windowed
   * count carries), not the end of its minute — an incident opens when the mention that tips it arrives, up to a
   * minute before the window closes. The window end when the timestamp lies outside the window.
   */
  static Instant evaluatedAt(VolumeSignal signal, long timestamp) {
    Instant t = Instant.ofEpochMilli(timestamp);
    return t.isAfter(signal.windowStart()) && t.isBefore(signal.windowEnd()) ? t : signal.windowEnd();
  }


  /**
   * A flatline rule on a source that is a live collector also fires when the collector reports being disconnected
   * and has delivered nothing for the rule's window (wall clock: health is about now, not about event time).
   */
  private Verdicts.Verdict collectorDown(FlatlineRule r, Verdicts.Verdict quiet) {
    fr.communitydefender.domain.collector.CollectorHealth h = collectors.get(r.source());
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (h == null || h.connected() || (h.lastMessageAt() != null && h.lastMessageAt().isAfter(now.minus(r.window())))) {
      return quiet;
    }
    return new Verdicts.Verdict(true, 0, r.threshold(), String.format(java.util.Locale.FRANCE,
        "collecteur %s déconnecté, rien reçu depuis %s%s", r.source(), h.lastMessageAt() == null ? "son démarrage"
            : Durations.format(Duration.ofMinutes(Duration.between(h.lastMessageAt(), now).toMinutes())),
        h.lastError() == null ? "" : " (" + h.lastError() + ")"));
  }


  private void evaluate(AlertRule rule, WatchState state, Instant at) {
    Verdicts.Verdict v = Verdicts.of(rule, state, at);
    if (rule instanceof FlatlineRule r && r.source() != null && !v.firing()) {
      v = collectorDown(r, v);
    }
    boolean firing = v.firing() && RuleOptions.active(rule, at);
    Incident open = state.open().get(rule.id());
    if (firing && open == null) {
      Instant since = state.pending().computeIfAbsent(rule.id(), k -> at);
      if (at.isBefore(since.plus(rule.forDuration()))) {
        return; // pending: the rule must keep firing for its `for` period
      }
    } else if (!firing) {
      state.pending().remove(rule.id());
    }
    if (joinedElsewhere(rule, state, at, firing)) {
      return;
    }
    Incident recent = state.recent().get(rule.id());
    if (firing && open == null && recent != null && recent.resolvedAt() != null
        && at.isBefore(recent.resolvedAt().plus(rule.cooldown()))) {
      Incident reopened = notifiable(rule, recent.reopened(at, v.count(), v.reason()), at);
      state.recent().remove(rule.id());
      state.pending().remove(rule.id());
      state.open().put(rule.id(), reopened);
      emit(IncidentEvent.Type.REOPENED, at, reopened);
    } else if (firing && open == null) {
      String id = rule.id() + "." + state.watchId() + "." + ID_TIME.format(at);
      Duration window = rule.span().minus(rule instanceof VolumeSpikeRule s ? s.reference() : Duration.ZERO);
      Incident incident = new Incident(id, rule.id(), state.watchId(), rule.severity(), rule.title(),
          Incident.Status.OPEN, at, at, null, v.count(), v.count(), v.threshold(), window, v.reason());
      incident = notifiable(rule, incident.described(rule.labels(), RuleOptions.render(rule.description(),
          java.util.Map.of("watch", state.watchId(), "rule", rule.id(), "count", String.valueOf(v.count()),
              "threshold", String.valueOf(v.threshold()), "window", Durations.format(window), "reason", v.reason()))),
          at);
      state.pending().remove(rule.id());
      state.open().put(rule.id(), incident);
      state.calm().put(rule.id(), Settling.usualPerHour(state, at));
      emit(IncidentEvent.Type.OPENED, at, incident);
    } else if (firing && ongoing(rule.id(), open, at)) {
      // held open by a crisis going on: it stays as it is, unless the rule fires far above its peak — a flare-up,
      // reopened (unacknowledged) so that it pages again
      if (rule instanceof VolumeSpikeRule r && v.count() >= r.spikeHeight() * open.peakCount()) {
        Incident flared = notifiable(rule, open.reopened(at, v.count(), "reprise : " + v.reason()), at);
        state.open().put(rule.id(), flared);
        emit(IncidentEvent.Type.REOPENED, at, flared);
      }
    } else if (firing) {
      Incident updated = open.firing(at, v.count(), v.reason());
      state.open().put(rule.id(), updated);
      if (v.count() > open.peakCount()) {
        emit(IncidentEvent.Type.UPDATED, at, updated);
      }
    } else if (open != null && !state.clock().isBefore(open.lastFiringAt().plus(rule.quiet()))
        && Settling.settled(rule, state, open)) {
      resolve(state, open, rule, later(open.lastFiringAt().plus(rule.quiet()), state.clock()));
    }
  }

  /**
   * Grouping: a rule that starts firing while another rule's incident of the watch opened or last fired less than its
   * {@code group} ago — or is still open only because the watch has not calmed down (a crisis going on) — joins that
   * incident (UPDATED, listed in {@code joinedRules}) and, while it fires, keeps it from resolving. Returns true when
   * the rule's firing was handled that way.
   */
  private boolean joinedElsewhere(AlertRule rule, WatchState state, Instant at, boolean firing) {
    String owner = state.joined().get(rule.id());
    Incident ownerIncident = owner == null ? null : state.open().get(owner);
    if (owner != null && ownerIncident == null) {
      state.joined().remove(rule.id()); // the shared incident resolved: this rule is on its own again
      owner = null;
    }
    if (owner != null) {
      if (firing) {
        state.open().put(owner, ownerIncident.firing(firingTime(owner, ownerIncident, at),
            ownerIncident.currentCount(), ownerIncident.reason()));
      }
      return true;
    }
    if (!firing || state.open().containsKey(rule.id()) || rule.group().isZero()) {
      return false;
    }
    for (Map.Entry<String, Incident> e : state.open().entrySet()) {
      Incident other = e.getValue();
      if (!e.getKey().equals(rule.id()) && (!at.isAfter(other.openedAt().plus(rule.group()))
          || !at.isAfter(other.lastFiringAt().plus(rule.group())) || ongoing(e.getKey(), other, at))) {
        Incident grouped = other.joinedBy(rule.id()).firing(firingTime(e.getKey(), other, at), other.currentCount(),
            other.reason());
        state.open().put(e.getKey(), grouped);
        state.joined().put(rule.id(), e.getKey());
        state.pending().remove(rule.id());
        emit(IncidentEvent.Type.UPDATED, at, grouped);
        return true;
      }
    }
    return false;
  }

  /**
   * An incident past its rule's quiet period, held open because its watch has not calmed down: a crisis going on
   * (false for a rule no longer loaded).
   */
  private boolean ongoing(String ruleId, Incident incident, Instant at) {
    AlertRule rule = rulesById.get(ruleId);
    return rule != null && !at.isBefore(incident.lastFiringAt().plus(rule.quiet()));
  }

  /**
   * The firing time a joined rule records on an incident: {@code at}, except while the incident is held open by a
   * crisis going on — it then stays held (its last firing unchanged), so that a later flare-up far above its peak is
   * still seen as one and pages again.
   */
  private Instant firingTime(String ruleId, Incident incident, Instant at) {
    return ongoing(ruleId, incident, at) ? incident.lastFiringAt() : at;
  }

  /** Marks the incident when the rule's mute schedule or an active silence covers it: recorded, not notified. */
  private Incident notifiable(AlertRule rule, Incident incident, Instant at) {
    if (RuleOptions.muted(rule, at)) {
      return incident.silenced("schedule:" + rule.id());
    }
    return silence(incident);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Resolves {@code open} at {@code at}: the end of its quiet period, or later when the watch calmed down later. */
  private void resolve(WatchState state, Incident open, AlertRule rule, Instant at) {
    state.open().remove(rule.id());
    state.calm().remove(rule.id());
    Incident resolved = open.resolved(at, "calme depuis " + Durations.format(rule.quiet()) + " (pic "
        + open.peakCount() + Settling.describe(rule, state, open) + ")");
    state.recent().put(rule.id(), resolved);
    emit(IncidentEvent.Type.RESOLVED, at, resolved);
  }

  /** The incident marked with the first silence active now (wall clock) that matches its watch and rule. */
  private Incident silence(Incident incident) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    try (KeyValueIterator<String, fr.communitydefender.domain.incident.Silence> it = silences.all()) {
      while (it.hasNext()) {
        fr.communitydefender.domain.incident.Silence s = it.next().value;
        if (s.activeAt(now) && s.matches(incident.watchId(), incident.ruleId())) {
          LOG.atInfo().addKeyValue("incident", incident.id()).addKeyValue("silence", s.id())
              .log("incident silenced: recorded, not notified");
          return incident.silenced(s.id());
        }
      }
    }
    return incident;
  }

  /** A term came back: remembered, and the new_term rules of the watch evaluated at its time. */
  private void term(fr.communitydefender.domain.signal.TermSignal t) {
    WatchState state = store.get(t.watchId());
    state = state == null ? WatchState.empty(t.watchId()) : state;
    state.newTerms().put(t.term(), t);
    for (AlertRule rule : rules.rules()) {
      if (rule instanceof NewTermRule && rule.appliesTo(t.watchId())) {
        evaluate(rule, state, t.at());
      }
    }
    store.put(t.watchId(), state);
  }

  /**
   * A person's decision: acknowledging an open incident of this watch, or closing an open or acknowledged one (a crisis
   * the team declares over while its watch is still busy); unknown or resolved ones are ignored.
   */
  private void command(IncidentCommand command) {
    WatchState state = store.get(command.watchId());
    if (state == null) {
      LOG.atWarn().addKeyValue("incident", command.incidentId()).log("command for a watch without incidents, ignored");
      return;
    }
    for (Map.Entry<String, Incident> e : state.open().entrySet()) {
      Incident incident = e.getValue();
      if (incident.id().equals(command.incidentId()) && command.type() == IncidentCommand.Type.RESOLVE) {
        state.open().remove(e.getKey());
        state.calm().remove(e.getKey());
        Incident closed = incident.resolved(command.at(), "clos par " + command.by()
            + (command.comment() == null ? "" : " : " + command.comment()));
        state.recent().put(e.getKey(), closed);
        store.put(command.watchId(), state);
        emit(new IncidentEvent(IncidentEvent.Type.RESOLVED, command.at(), closed, command.by()));
        return;
      }
      if (incident.id().equals(command.incidentId()) && incident.status() == Incident.Status.OPEN) {
        Incident acked = incident.acknowledged(command.by(), command.at(), command.comment());
        state.open().put(e.getKey(), acked);
        store.put(command.watchId(), state);
        emit(new IncidentEvent(IncidentEvent.Type.ACKNOWLEDGED, command.at(), acked, command.by()));
        return;
      }
    }
    LOG.atInfo().addKeyValue("incident", command.incidentId()).log("acknowledgement of an incident not open, ignored");
  }

  /**
   * Lets each watch's clock run on with the wall clock while no signal arrives: resolves quiet incidents, and
   * evaluates flatline rules (a watch whose signals stopped is exactly what they look for).
   */
  private void checkQuiet(long wallNow) {
    for (KeyValue<String, WatchState> kv : store.all()) {
      WatchState state = kv.value;
      boolean flatline = rules.rules().stream().anyMatch(r -> r instanceof FlatlineRule && r.appliesTo(kv.key));
      if (state.open().isEmpty() && !flatline) {
        continue;
      }
      long setAt = clockSetAtWall.computeIfAbsent(kv.key, k -> wallNow);
      Instant estimated = state.clock().plusMillis(Math.max(0, wallNow - setAt));
      boolean changed = false;
      if (flatline && estimated.isAfter(state.clock().plusSeconds(60))) { // signals stopped: a silent watch
        WatchState running = state.withClock(estimated);
        Instant minute = Instant.ofEpochSecond(estimated.getEpochSecond() / 60 * 60);
        int events = state.open().size();
        for (AlertRule rule : rules.rules()) {
          if (rule instanceof FlatlineRule && rule.appliesTo(kv.key)) {
            evaluate(rule, running, minute);
          }
        }
        changed = running.open().size() != events;
        state = running.withClock(state.clock());
      }
      for (AlertRule rule : rules.rules()) {
        Incident open = state.open().get(rule.id());
        if (open == null || estimated.isBefore(open.lastFiringAt().plus(rule.quiet()))) {
          continue;
        }
        boolean settled = Settling.settled(rule, state, open);
        if (settled || !estimated.isBefore(state.clock().plus(rule.quiet()))) {
          resolve(state, open, rule, settled ? later(open.lastFiringAt().plus(rule.quiet()), state.clock())
              : state.clock().plus(rule.quiet())); // no signal for a whole quiet period: calm by then
          changed = true;
        }
      }
      if (changed) {
        store.put(kv.key, state);
      }
    }
  }

  private void emit(IncidentEvent.Type type, Instant at, Incident incident) {
    emit(new IncidentEvent(type, at, incident));
  }

  private void emit(IncidentEvent event) {
    metrics.incident(event.type());
    LOG.atInfo().addKeyValue("incident", event.incident().id()).addKeyValue("event", event.type())
        .addKeyValue("count", event.incident().currentCount()).log("incident event");
    context.forward(new Record<>(event.incident().id(), event, event.at().toEpochMilli()));
  }
}
