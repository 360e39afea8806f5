package fr.communitydefender.paging.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which incident an SMS reply takes: each page sent by SMS that can be acknowledged registers its incident for the
 * person under a 4-digit code (printed in the SMS); « OK 1234 » takes that one, a bare « OK » the latest. Rebuilt
 * from the attempts topic when the pager starts.
 */
public final class SmsReplies {
  /** An incident a person can take by replying. */
  public record Target(String incidentId, String watchId, Instant pagedAt) {}

  private final Map<String, LinkedHashMap<String, Target>> byPerson = new ConcurrentHashMap<>();

  /** The reply code of an incident: 4 digits, stable. */
  public static String code(String incidentId) {
    return Integer.toString(1000 + Math.floorMod(incidentId.hashCode(), 9000));
  }

  public void register(String personId, String incidentId, String watchId, Instant at) {
    if (watchId == null) {
      return;
    }
    byPerson.compute(personId, (k, m) -> {
      LinkedHashMap<String, Target> out = m == null ? new LinkedHashMap<>() : m;
      out.remove(code(incidentId));
      out.put(code(incidentId), new Target(incidentId, watchId, at));
      while (out.size() > 50) {
        out.remove(out.keySet().iterator().next());
      }
      return out;
    });
  }

  /** The incident for {@code code}, or the latest paged when {@code code} is null; null when none. */
  public Target find(String personId, String code) {
    LinkedHashMap<String, Target> m = byPerson.get(personId);
    if (m == null || m.isEmpty()) {
      return null;
    }
    synchronized (m) {
      if (code != null) {
        return m.get(code);
      }
      Target latest = null;
      for (Target t : m.values()) {
        latest = t;
      }
      return latest;
    }
  }
}
