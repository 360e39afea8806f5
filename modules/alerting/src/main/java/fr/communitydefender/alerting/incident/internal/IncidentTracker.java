package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.FlatlineRule;
import fr.communitydefender.alerting.rules.NewTermRule;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.config.Durations;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.signal.VolumeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting processor: keeps each watch's state from its signals and terms, evaluates the rules on it and hands the
 * verdicts to the incidents' {@link Lifecycle}; applies people's decisions (acknowledge, close); lets the watches' clocks
 * run on with the wall clock when signals stop.
 */
public final class IncidentTracker implements Processor<String, AlertInput, String, IncidentEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentTracker.class);

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
  private Lifecycle lifecycle;
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
    this.lifecycle = new Lifecycle(rulesById,
        context.getStateStore(fr.communitydefender.alerting.incident.AlertTopology.SILENCES_STORE),
        context::currentSystemTimeMs, this::emit);
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


  /** The rule's verdict (a collector's own health for a flatline rule on its source), applied to the incidents. */
  private void evaluate(AlertRule rule, WatchState state, Instant at) {
    Verdicts.Verdict v = Verdicts.of(rule, state, at);
    if (rule instanceof FlatlineRule r && r.source() != null && !v.firing()) {
      v = collectorDown(r, v);
    }
    lifecycle.apply(rule, v, state, at);
  }

  /**
   * A term came back: remembered, and the new_term rules of the watch evaluated at its time. A term's signals come at
   * each of its first twenty occurrences in the hour, then once a minute (the streams stage); one is kept only when a
   * new_term rule of the watch can use it — the term's first at the rules' smallest {@code min_count} or more, then at
   * most one a minute (the rules look at the last hour) — so a recurring term does not rewrite its watch's whole
   * state at each occurrence.
   */
  private void term(fr.communitydefender.domain.signal.TermSignal t) {
    long minCount = Long.MAX_VALUE;
    for (AlertRule rule : rules.rules()) {
      if (rule instanceof NewTermRule r && rule.appliesTo(t.watchId())) {
        minCount = Math.min(minCount, r.minCount());
      }
    }
    if (minCount == Long.MAX_VALUE) {
      return; // no new_term rule for this watch
    }
    WatchState state = store.get(t.watchId());
    state = state == null ? WatchState.empty(t.watchId()) : state;
    fr.communitydefender.domain.signal.TermSignal known = state.newTerms().get(t.term());
    if (known == null ? t.count() < minCount
        : t.at().isBefore(known.at().plus(java.time.Duration.ofMinutes(1))) && !t.at().isBefore(known.at())) {
      metrics.termSkipped();
      return;
    }
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
          lifecycle.resolve(state, open, rule, settled
              ? Lifecycle.later(open.lastFiringAt().plus(rule.quiet()), state.clock())
              : state.clock().plus(rule.quiet())); // no signal for a whole quiet period: calm by then
          changed = true;
        }
      }
      if (changed) {
        store.put(kv.key, state);
      }
    }
  }

  private void emit(IncidentEvent event) {
    metrics.incident(event.type());
    LOG.atInfo().addKeyValue("incident", event.incident().id()).addKeyValue("event", event.type())
        .addKeyValue("count", event.incident().currentCount()).log("incident event");
    context.forward(new Record<>(event.incident().id(), event, event.at().toEpochMilli()));
  }
}
