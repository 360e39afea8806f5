package fr.communitydefender.paging.escalation;

import fr.communitydefender.domain.incident.Incident;
import java.time.Instant;
import java.util.List;

/**
 * Where one incident's escalation stands (store {@code escalations}, changelogged, so timers survive a restart: they
 * are absolute wall-clock times). {@code seq} numbers the paging actions: notification ids derive from it, so a
 * re-processed event yields the same ids and the sender does not page twice; {@code since} is when this run of pages
 * started (an opening or a reopening: ids differ between runs).
 */
public record EscalationState(
    Incident incident,
    Instant since,
    String policyId,
    Phase phase,
    int round,
    int level,
    int seq,
    Instant nextAt,
    List<String> paged) {

  /** PAGING: waiting for someone to take it; ACKED: taken, waiting for it to resolve; DONE: nobody took it. */
  public enum Phase { PAGING, ACKED, DONE }

  public EscalationState {
    paged = paged == null ? List.of() : List.copyOf(paged);
  }

  public EscalationState with(Incident newIncident) {
    return new EscalationState(newIncident, since, policyId, phase, round, level, seq, nextAt, paged);
  }

  public EscalationState at(Phase newPhase, int newRound, int newLevel, Instant next) {
    return new EscalationState(incident, since, policyId, newPhase, newRound, newLevel, seq, next, paged);
  }

  /** After a paging action: the next sequence number and the people paged so far (in order, once each). */
  public EscalationState paged(List<String> people) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(paged);
    all.addAll(people);
    return new EscalationState(incident, since, policyId, phase, round, level, seq + 1, nextAt, List.copyOf(all));
  }
}
