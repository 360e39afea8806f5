package fr.communitydefender.app.start;

/** What a process does; production splits them across instances, local mode runs them all. */
public enum Role {
  /** Collectors: replays of recorded drills and the live sources of {@code --collectors}. */
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
  /**
   * Streams: the incident rooms (drafts, four-eyes approval chains, the hash-chained main courante; exactly-once), and
   * the publisher of approved responses (Mastodon, Bluesky; in local mode without {@code --publishing}, a Mastodon
   * stand-in).
   */
  ROOM,
  /** The HTTP/WebSocket console, API, search and metrics. */
  CONSOLE,
  /**
   * On-call paging: escalation (Streams) and the pager (email, SMS, webhooks). Without {@code --oncall}, local mode
   * pages the demo on-call people through an in-process mail catcher shown at {@code /mailbox.html}.
   */
  PAGE
}
