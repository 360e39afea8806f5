package fr.communitydefender.collectors.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids published in a source's overlap window (Jetstream's 5 s rewind, the Graph API's {@code since}), saved with
 * the cursor so that a restart does not publish them again. Bounded (oldest dropped first).
 */
public final class RecentIds {
  public static final String POSITION = "recent";
  private static final int MAX = 2_000;

  private final Map<String, Long> ids = new LinkedHashMap<>();

  /** Reads what {@link #encode()} wrote (null: nothing). */
  public static RecentIds decode(String saved) {
    RecentIds r = new RecentIds();
    if (saved != null && !saved.isEmpty()) {
      for (String entry : saved.split(" ")) {
        int at = entry.lastIndexOf('@');
        if (at > 0) {
          r.ids.put(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
        }
      }
    }
    return r;
  }

  public void add(String id, long time) {
    ids.put(id, time);
    if (ids.size() > MAX) {
      ids.remove(ids.keySet().iterator().next());
    }
  }

  public boolean contains(String id) {
    return ids.containsKey(id);
  }

  /** Forgets the ids seen before {@code time}. */
  public void forgetBefore(long time) {
    for (Iterator<Long> it = ids.values().iterator(); it.hasNext(); ) {
      if (it.next() < time) {
        it.remove();
      }
    }
  }

  /** {@code id@time} separated by spaces (ids contain no space). */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    ids.forEach((id, t) -> sb.append(sb.isEmpty() ? "" : " ").append(id).append('@').append(t));
    return sb.toString();
  }
}
