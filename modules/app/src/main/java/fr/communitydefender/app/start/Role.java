package fr.communitydefender.app.start;

/** What a process does; production splits them across instances, local mode runs them all. */
public enum Role {
  /** Collectors (replay drills now; live sources later). */
  COLLECT,
  /** Streams: parse, match watches, per-watch volume windows. */
  PROCESS,
  /** Streams: alert rules to incidents. */
  ALERT,
  /** Storage: enriched mentions and incidents into Elasticsearch; retention. */
  INDEX,
  /** The HTTP/WebSocket console, API, search and metrics. */
  CONSOLE
}
