package fr.communitydefender.domain.topic;

import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.AuditEntry;
import fr.communitydefender.domain.access.SituationLink;
import fr.communitydefender.domain.collector.CollectorCursor;
import fr.communitydefender.domain.paging.AckLinkUse;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.DeepAnalysis;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The registry of the pipeline's topics. Mentions are personal data: their topics expire (GDPR minimisation). */
public final class Topics {
  /**
   * Mentions as collected, keyed by mention id ({@code source:native-id} for live sources). Raw values are parsed by
   * the streams stage, bad ones dead-lettered; a null value (tombstone) means the author deleted the post.
   */
  public static final TopicSpec<String, Mention> MENTIONS_RAW = new TopicSpec<>(
      "cd.mentions.raw", Serdes.String(), JsonSerde.of(Mention.class), Duration.ofDays(7));
  /** Mentions with their watches (and, later, enrichment), keyed by mention id. */
  public static final TopicSpec<String, Mention> MENTIONS_ENRICHED = new TopicSpec<>(
      "cd.mentions.enriched", Serdes.String(), JsonSerde.of(Mention.class), Duration.ofDays(7));
  /** Deep-tier sentiment of selected mentions (English, in an open incident or of high reach), keyed by mention id. */
  public static final TopicSpec<String, DeepAnalysis> MENTIONS_DEEP = new TopicSpec<>(
      "cd.mentions.deep", Serdes.String(), JsonSerde.of(DeepAnalysis.class), Duration.ofDays(7));
  /** Input that could not be processed, with the reason, keyed by origin. */
  public static final TopicSpec<String, DeadLetter> DEAD_LETTER = new TopicSpec<>(
      "cd.mentions.dead-letter", Serdes.String(), JsonSerde.of(DeadLetter.class), Duration.ofDays(14));
  /** Per-watch 1-minute volume, keyed by watch id. */
  public static final TopicSpec<String, VolumeSignal> SIGNALS_VOLUME = new TopicSpec<>(
      "cd.signals.volume", Serdes.String(), JsonSerde.of(VolumeSignal.class), Duration.ofDays(7));
  /** Terms of a watch that come back after a long absence (or are new) and repeat, keyed by watch id. */
  public static final TopicSpec<String, TermSignal> SIGNALS_TERMS = new TopicSpec<>(
      "cd.signals.terms", Serdes.String(), JsonSerde.of(TermSignal.class), Duration.ofDays(7));
  /** Incident life cycle events, keyed by incident id; kept (the incident record is an audit trail). */
  public static final TopicSpec<String, IncidentEvent> INCIDENTS = new TopicSpec<>(
      "cd.incidents", Serdes.String(), JsonSerde.of(IncidentEvent.class), null);

  /** People's decisions on incidents (acknowledge), keyed by watch id: co-partitioned with the signals. */
  public static final TopicSpec<String, IncidentCommand> INCIDENT_COMMANDS = new TopicSpec<>(
      "cd.incident-commands", Serdes.String(), JsonSerde.of(IncidentCommand.class), Duration.ofDays(7));

  /** Silences, every version, keyed by silence id; kept (audit trail), read whole by alerting and the console. */
  public static final TopicSpec<String, Silence> SILENCES = new TopicSpec<>(
      "cd.silences", Serdes.String(), JsonSerde.of(Silence.class), null);

  /** Where each live collector resumes (its cursor, since-id, ETag…), keyed by collector id; compacted. */
  public static final TopicSpec<String, CollectorCursor> COLLECTOR_STATE = new TopicSpec<>(
      "cd.collector-state", Serdes.String(), JsonSerde.of(CollectorCursor.class), null, true);

  /** Each live collector's health (connected, last message, lag, errors), keyed by collector id; compacted. */
  public static final TopicSpec<String, CollectorHealth> COLLECTOR_HEALTH = new TopicSpec<>(
      "cd.collector-health", Serdes.String(), JsonSerde.of(CollectorHealth.class), null, true);

  /** Messages to send (the pager's outbox), keyed by incident id, so one incident's pages keep their order. */
  public static final TopicSpec<String, Notification> PAGING_OUTBOX = new TopicSpec<>(
      "cd.paging.outbox", Serdes.String(), JsonSerde.of(Notification.class), Duration.ofDays(7));

  /** Every delivery attempt (channel, provider id, outcome), keyed by incident id; kept (the incident's timeline). */
  public static final TopicSpec<String, DeliveryAttempt> PAGING_ATTEMPTS = new TopicSpec<>(
      "cd.paging.attempts", Serdes.String(), JsonSerde.of(DeliveryAttempt.class), null);

  /** Console accounts, keyed by user name; compacted (the latest version of each account), read whole by consoles. */
  public static final TopicSpec<String, Account> ACCOUNTS = new TopicSpec<>(
      "cd.accounts", Serdes.String(), JsonSerde.of(Account.class), null, true);

  /** Every write made through the console (actor, roles, address, action), keyed by actor; kept (main courante). */
  public static final TopicSpec<String, AuditEntry> AUDIT = new TopicSpec<>(
      "cd.audit", Serdes.String(), JsonSerde.of(AuditEntry.class), null);

  /** Read-only situation links for partners, keyed by link id; compacted (the latest says if it was revoked). */
  public static final TopicSpec<String, SituationLink> SITUATION_LINKS = new TopicSpec<>(
      "cd.situation-links", Serdes.String(), JsonSerde.of(SituationLink.class), null, true);

  /** Acknowledgement links already used, keyed by incident, person and nonce; compacted. */
  public static final TopicSpec<String, AckLinkUse> ACK_LINKS_USED = new TopicSpec<>(
      "cd.ack-links-used", Serdes.String(), JsonSerde.of(AckLinkUse.class), null, true);

  /** The team's summary of each incident (for its report), keyed by incident id; compacted. */
  public static final TopicSpec<String, fr.communitydefender.domain.incident.IncidentSummary> INCIDENT_SUMMARIES =
      new TopicSpec<>("cd.incident-summaries", Serdes.String(),
          JsonSerde.of(fr.communitydefender.domain.incident.IncidentSummary.class), null, true);

  /** Commands to incident rooms (drafts, approvals, notes…), keyed by incident id: one task owns each incident. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.RoomCommand> ROOM_COMMANDS = new TopicSpec<>(
      "cd.room.commands", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.RoomCommand.class),
      Duration.ofDays(30));

  /** The room stage's answer to each command, keyed by incident id; short-lived (the console waits for it). */
  public static final TopicSpec<String, fr.communitydefender.domain.room.RoomOutcome> ROOM_OUTCOMES = new TopicSpec<>(
      "cd.room.outcomes", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.RoomOutcome.class),
      Duration.ofDays(1));

  /** Each room's latest state, keyed by incident id; compacted, read whole by consoles. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.RoomState> ROOM_STATES = new TopicSpec<>(
      "cd.room.states", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.RoomState.class), null, true);

  /** Each draft with its versions, comments and approvals, keyed {@code incident/draft}; compacted. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.Draft> ROOM_DRAFTS = new TopicSpec<>(
      "cd.room.drafts", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.Draft.class), null, true);

  /** The main courante: every incident's hash-chained entries, keyed by incident id, in order; kept forever. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.CouranteEntry> MAIN_COURANTE =
      new TopicSpec<>("cd.main-courante", Serdes.String(),
          JsonSerde.of(fr.communitydefender.domain.room.CouranteEntry.class), null);

  /** Approved versions to publish, keyed by incident id (the publisher's queue). */
  public static final TopicSpec<String, fr.communitydefender.domain.room.Publication> PUBLICATIONS = new TopicSpec<>(
      "cd.room.publications", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.Publication.class),
      Duration.ofDays(7));

  /** The commune's suspend switch for scheduled publications, one key; compacted. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.PublishingSwitch> PUBLISHING_SWITCH =
      new TopicSpec<>("cd.publishing-switch", Serdes.String(),
          JsonSerde.of(fr.communitydefender.domain.room.PublishingSwitch.class), null, true);

  /** Wording and templates written by admins (the shipped starter set is in the code), keyed by id; compacted. */
  public static final TopicSpec<String, fr.communitydefender.domain.room.Wording> WORDING = new TopicSpec<>(
      "cd.wording", Serdes.String(), JsonSerde.of(fr.communitydefender.domain.room.Wording.class), null, true);

  /**
   * People's corrections of mentions' sentiment and irrelevance marks, keyed by mention id; compacted (the latest
   * correction of a mention; a null value erases it), read whole by consoles and by the training of the commune's model.
   */
  public static final TopicSpec<String, fr.communitydefender.domain.mention.SentimentCorrection> SENTIMENT_CORRECTIONS =
      new TopicSpec<>("cd.sentiment-corrections", Serdes.String(),
          JsonSerde.of(fr.communitydefender.domain.mention.SentimentCorrection.class), null, true);

  public static final List<TopicSpec<?, ?>> ALL = List.of(MENTIONS_RAW, MENTIONS_ENRICHED, MENTIONS_DEEP, DEAD_LETTER,
      SIGNALS_VOLUME, SIGNALS_TERMS, INCIDENTS, INCIDENT_COMMANDS, SILENCES, COLLECTOR_STATE, COLLECTOR_HEALTH,
      PAGING_OUTBOX, PAGING_ATTEMPTS, ACCOUNTS, AUDIT, SITUATION_LINKS, ACK_LINKS_USED, INCIDENT_SUMMARIES,
      ROOM_COMMANDS, ROOM_OUTCOMES, ROOM_STATES, ROOM_DRAFTS, MAIN_COURANTE, PUBLICATIONS, PUBLISHING_SWITCH, WORDING,
      SENTIMENT_CORRECTIONS);

  private Topics() {}
}
