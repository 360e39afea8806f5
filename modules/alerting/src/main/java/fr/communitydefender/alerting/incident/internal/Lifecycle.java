package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.RuleOptions;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.config.Durations;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a watch's incidents, from the rules' verdicts: pending through {@code for}, opened, updated as the peak
 * grows, joined by other rules (grouping), held open while the crisis goes on, reopened on a relapse within
 * {@code cooldown} or on a flare-up, resolved once quiet and calm; silenced ones recorded but not notified. Every
 * change goes out through {@code emit}.
 */
final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final Map<String, AlertRule> rulesById;
  private final KeyValueStore<String, Silence> silences;
  private final LongSupplier wallClock;
  private final Consumer<IncidentEvent> events;

  Lifecycle(Map<String, AlertRule> rulesById, KeyValueStore<String, Silence> silences, LongSupplier wallClock,
      Consumer<IncidentEvent> events) {
    this.rulesById = rulesById;
    this.silences = silences;
    this.wallClock = wallClock;
    this.events = events;
  }

  /** What the rule's verdict {@code v} at {@code at} does to the watch's incidents. */
  void apply(AlertRule rule, Verdicts.Verdict v, WatchState state, Instant at) {
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
    if (joinedElsewhere(rule, v, state, at, firing)) {
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
  private boolean joinedElsewhere(AlertRule rule, Verdicts.Verdict v, WatchState state, Instant at, boolean firing) {
    String owner = state.joined().get(rule.id());
    Incident ownerIncident = owner == null ? null : state.open().get(owner);
    if (owner != null && ownerIncident == null) {
      state.joined().remove(rule.id()); // the shared incident resolved: this rule is on its own again
      owner = null;
    }
    if (owner != null) {
      if (firing && old(owner, ownerIncident, at) && escalates(rule, v, ownerIncident)) {
        escalate(rule, v, state, owner, ownerIncident, at);
        return true;
      }
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
        if (old(e.getKey(), other, at) && escalates(rule, v, other)) {
          state.joined().put(rule.id(), e.getKey());
          state.pending().remove(rule.id());
          escalate(rule, v, state, e.getKey(), other.joinedBy(rule.id()), at);
          return true;
        }
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
   * The incident opened hours ago (or is held open by a crisis going on), and another rule of the watch fires at its
   * {@code escalation} × the incident's peak rate or more: a warning's incident that became the event — reopened,
   * unacknowledged, so that it pages again; its peak becomes that rate (in its own window).
   */
  private void escalate(AlertRule rule, Verdicts.Verdict v, WatchState state, String owner, Incident incident,
      Instant at) {
    long equivalent = Math.round(rate(v.count(), window(rule)) * hours(incident.window()));
    Incident flared = notifiable(rulesById.getOrDefault(owner, rule), incident.reopened(at, equivalent,
        "escalade (" + rule.id() + ") : " + v.reason()), at);
    state.open().put(owner, flared);
    emit(IncidentEvent.Type.REOPENED, at, flared);
  }

  /**
   * An incident opened at least its rule's {@code quiet} ago, or held open by a crisis going on: past the spike that
   * opened it, whose own growth in its first hours must not page twice.
   */
  private boolean old(String ruleId, Incident incident, Instant at) {
    AlertRule rule = rulesById.get(ruleId);
    return rule != null && (!at.isBefore(incident.openedAt().plus(rule.quiet())) || ongoing(ruleId, incident, at));
  }

  /** The joined rule's hourly rate at least its {@code escalation} × the incident's peak hourly rate (0: never). */
  private static boolean escalates(AlertRule rule, Verdicts.Verdict v, Incident incident) {
    if (!(rule instanceof VolumeSpikeRule r) || r.escalation() == 0 || incident.window() == null
        || incident.window().isZero()) {
      return false;
    }
    return rate(v.count(), r.window()) >= r.escalation() * rate(Math.max(1, incident.peakCount()), incident.window());
  }

  private static Duration window(AlertRule rule) {
    return rule instanceof VolumeSpikeRule r ? r.window() : rule.span();
  }

  private static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }

  private static double rate(long count, Duration window) {
    return count / hours(window);
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

  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Resolves {@code open} at {@code at}: the end of its quiet period, or later when the watch calmed down later. */
  void resolve(WatchState state, Incident open, AlertRule rule, Instant at) {
    state.open().remove(rule.id());
    state.calm().remove(rule.id());
    Incident resolved = open.resolved(at, "calme depuis " + Durations.format(rule.quiet()) + " (pic "
        + open.peakCount() + Settling.describe(rule, state, open) + ")");
    state.recent().put(rule.id(), resolved);
    emit(IncidentEvent.Type.RESOLVED, at, resolved);
  }

  /** The incident marked with the first silence active now (wall clock) that matches its watch and rule. */
  private Incident silence(Incident incident) {
    Instant now = Instant.ofEpochMilli(wallClock.getAsLong());
    try (KeyValueIterator<String, Silence> it = silences.all()) {
      while (it.hasNext()) {
        Silence s = it.next().value;
        if (s.activeAt(now) && s.matches(incident.watchId(), incident.ruleId())) {
          LOG.atInfo().addKeyValue("incident", incident.id()).addKeyValue("silence", s.id())
              .log("incident silenced: recorded, not notified");
          return incident.silenced(s.id());
        }
      }
    }
    return incident;
  }

  private void emit(IncidentEvent.Type type, Instant at, Incident incident) {
    events.accept(new IncidentEvent(type, at, incident));
  }
}
