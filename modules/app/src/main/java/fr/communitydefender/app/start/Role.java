package fr.communitydefender.app.start;

/** What a process does; production splits them across instances, local mode runs them all. */
public enum Role {
  /** Collectors (replay drills now; live sources later). */
  COLLECT,
  /** Streams: parse, match watches, per-watch volume windows. */
  PROCESS,
  /**
   * Streams: the English deep sentiment tier on selected mentions (open incidents, high reach), off the hot path;
   * needs the CoreNLP models jar (shipped) and ~1 GB of heap once the models load (on the first selected mention).
   */
  DEEP,
  /** Streams: alert rules to incidents. */
  ALERT,
  /** Storage: enriched mentions and incidents into Elasticsearch; retention. */
  INDEX,
  /** The HTTP/WebSocket console, API, search and metrics. */
  CONSOLE
}
