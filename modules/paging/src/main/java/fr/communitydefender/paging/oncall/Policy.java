package fr.communitydefender.paging.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import java.time.Duration;
import java.util.List;

/**
 * An escalation policy: {@code levels} paged in turn, each given {@code delay} to acknowledge before the next is
 * paged; after the last level the policy starts over {@code repeat} times (default 1), then tells everyone paged that
 * nobody took it. Once acknowledged, a reminder goes out if the incident is still not resolved after
 * {@code ack_timeout} (default 2 h).
 */
public record Policy(String id, List<Level> levels, Integer repeat, @JsonProperty("ack_timeout") Duration ackTimeout) {

  /** Targets: {@code person:ID}, {@code schedule:ID} (whoever is on call), {@code group:ID} (all its members). */
  public record Level(List<String> targets, Duration delay) {
    public Level {
      if (targets == null || targets.isEmpty()) {
        throw new FieldException("targets", "at least one (person:ID, schedule:ID or group:ID)");
      }
      for (int i = 0; i < targets.size(); i++) {
        String t = targets.get(i);
        if (t == null || !t.matches("(person|schedule|group):[a-z0-9][a-z0-9._-]*")) {
          throw new FieldException("targets[" + i + "]", "'" + t + "': expected person:ID, schedule:ID or group:ID");
        }
      }
      targets = List.copyOf(targets);
      delay = delay == null ? Duration.ofMinutes(10) : delay;
      if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new FieldException("delay", "at least 1s");
      }
    }
  }

  public Policy {
    FieldException.required(id, "id");
    if (levels == null || levels.isEmpty()) {
      throw new FieldException("levels", "at least one level");
    }
    levels = List.copyOf(levels);
    repeat = repeat == null ? 1 : repeat;
    if (repeat < 0 || repeat > 10) {
      throw new FieldException("repeat", "between 0 and 10");
    }
    ackTimeout = ackTimeout == null ? Duration.ofHours(2) : ackTimeout;
  }
}
