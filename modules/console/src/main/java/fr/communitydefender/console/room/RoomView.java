package fr.communitydefender.console.room;

import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.Draft;
import fr.communitydefender.domain.room.PublishingSwitch;
import fr.communitydefender.domain.room.RoomState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's copy of the rooms, read whole from the room stage's topics (states, drafts, main courante) and the
 * suspend switch; written by the Kafka reader thread, read by the event loop.
 */
public final class RoomView {
  private final Map<String, RoomState> states = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Draft>> drafts = new ConcurrentHashMap<>();
  private final Map<String, List<CouranteEntry>> entries = new ConcurrentHashMap<>();
  private volatile PublishingSwitch publishingSwitch = new PublishingSwitch(false, null, null, null);

  public void apply(RoomState s) {
    states.put(s.incidentId(), s);
  }

  public void apply(Draft d) {
    drafts.computeIfAbsent(d.incidentId(), k -> new ConcurrentHashMap<>()).put(d.id(), d);
  }

  public void apply(CouranteEntry e) {
    List<CouranteEntry> list = entries.computeIfAbsent(e.incidentId(), k -> new ArrayList<>());
    synchronized (list) {
      list.add(e);
    }
  }

  public void apply(PublishingSwitch s) {
    publishingSwitch = s;
  }

  public RoomState state(String incident) {
    return states.get(incident);
  }

  public List<Draft> drafts(String incident) {
    return drafts.getOrDefault(incident, Map.of()).values().stream()
        .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.id().substring(1)))).toList();
  }

  public Draft draft(String incident, String id) {
    return drafts.getOrDefault(incident, Map.of()).get(id);
  }

  /** The entries as stored on the topic, in the order read. */
  public List<CouranteEntry> entries(String incident) {
    List<CouranteEntry> list = entries.getOrDefault(incident, List.of());
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  public PublishingSwitch publishingSwitch() {
    return publishingSwitch;
  }

  /** Incidents that have a room, for the suspend switch's copies. */
  public List<String> rooms() {
    return List.copyOf(states.keySet());
  }
}
