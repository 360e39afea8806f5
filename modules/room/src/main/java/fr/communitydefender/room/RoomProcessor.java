package fr.communitydefender.room;

import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.Draft;
import fr.communitydefender.domain.room.Publication;
import fr.communitydefender.domain.room.PublishingSwitch;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomOutcome;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.room.chains.ApprovalChains;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link Room} to each record of an incident, in order; see {@link RoomTopology}. */
final class RoomProcessor implements Processor<String, Object, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(RoomProcessor.class);
  private final RoomConfig config;
  private final RoomMetrics metrics;
  private final Room room;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, RoomState> states;
  private KeyValueStore<String, Draft> drafts;
  private KeyValueStore<String, PublishingSwitch> switches;

  RoomProcessor(RoomConfig config, RoomMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.room = new Room(config.chains());
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    states = context.getStateStore(RoomTopology.STATES);
    drafts = context.getStateStore(RoomTopology.DRAFTS);
    switches = context.getStateStore(RoomTopology.SWITCH);
    context.schedule(config.tick(), PunctuationType.WALL_CLOCK_TIME, this::publishDue);
  }

  @Override
  public void process(Record<String, Object> record) {
    String incident = record.key();
    if (incident == null || record.value() == null) {
      return;
    }
    RoomState state = states.get(incident);
    switch (record.value()) {
      case RoomCommand c -> command(state, c, record.timestamp());
      case IncidentEvent e -> apply(e.incident().id(), room.incident(state, e), record.timestamp());
      case DeliveryAttempt a -> apply(a.incidentId(), room.page(state, a), record.timestamp());
      default -> LOG.atWarn().addKeyValue("type", record.value().getClass().getSimpleName()).log("ignored");
    }
  }

  private void command(RoomState state, RoomCommand c, long ts) {
    if (!c.incidentId().isBlank() && state == null && !c.type().system()) {
      outcome(c, new Room.Decision(404, "no incident room '" + c.incidentId() + "' (no such incident yet)", null,
          null, List.of(), List.of(), List.of(), null), ts);
      return;
    }
    Room.Decision d = room.decide(state, id -> drafts.get(key(c.incidentId(), id)), c, suspended());
    metrics.command(c.type().path(), d.status());
    if (d.ok()) {
      apply(c.incidentId(), d, ts);
      if (c.type() == RoomCommand.Type.SWITCH && Boolean.parseBoolean(c.arg("suspended"))) {
        cancelScheduled(c.incidentId(), c.at(), c.arg("by") == null ? c.actor() : c.arg("by"), ts);
      }
    }
    outcome(c, d, ts);
  }

  private void outcome(RoomCommand c, Room.Decision d, long ts) {
    long seq = d.ok() && !d.entries().isEmpty() ? d.entries().get(d.entries().size() - 1).seq() : 0;
    context.forward(new Record<>(c.incidentId(), (Object) new RoomOutcome(c.id(), c.incidentId(), d.status(),
        d.message(), seq, d.draft() == null ? null : d.draft().id(), d.latest()), ts), RoomTopology.OUTCOME_SINK);
  }

  private void apply(String incident, Room.Decision d, long ts) {
    if (!d.ok()) {
      return;
    }
    states.put(incident, d.state());
    forward(incident, d.state(), ts, RoomTopology.STATE_SINK);
    if (d.draft() != null) {
      String k = key(incident, d.draft().id());
      drafts.put(k, d.draft());
      forward(k, d.draft(), ts, RoomTopology.DRAFT_SINK);
    }
    for (CouranteEntry e : d.entries()) {
      forward(incident, e, ts, RoomTopology.ENTRY_SINK);
    }
    metrics.entries(d.entries().size());
    for (Publication p : d.publications()) {
      forward(incident, p, ts, RoomTopology.PUBLICATION_SINK);
    }
    for (Room.Notice n : d.notices()) {
      for (Notification page : requests(d.state(), n)) {
        forward(incident, page, ts, RoomTopology.OUTBOX_SINK);
      }
    }
  }

  private void forward(String key, Object value, long ts, String sink) {
    context.forward(new Record<>(key, value, ts), sink);
  }

  /** Approval requests to the pager: e-mail and SMS to the approver, with the link to the draft. */
  private List<Notification> requests(RoomState s, Room.Notice n) {
    ApprovalChains.Person p = config.chains().person(n.username()).orElse(null);
    List<Notification> out = new ArrayList<>();
    if (p == null) {
      LOG.atInfo().addKeyValue("approver", n.username()).log("approver has no contact in approval-chains: not notified");
      return out;
    }
    Draft d = n.draft();
    String link = config.consoleUrl()
        + fr.communitydefender.domain.room.ApprovalLink.path(config.outboxKey(), s.incidentId(), d.id());
    String subject = "[Community Defender] À valider : " + d.title() + " (" + d.channel() + ")";
    String text = d.version(d.submitted()).text();
    String body = "Un projet de réponse attend votre validation (étape " + n.step() + ").\n\n"
        + "Incident : " + (s.title() == null ? s.incidentId() : s.title()) + " — gravité " + s.severity().id() + "\n"
        + "Canal : " + d.channel() + " — version " + d.submitted() + " par " + d.version(d.submitted()).author()
        + "\n\n« " + text + " »\n\nOuvrir le projet (connexion requise) : " + link + "\n";
    String sms = "Community Defender : projet « " + abbreviate(d.title(), 40) + " » à valider. " + link;
    String base = "approval:" + s.incidentId() + ":" + d.id() + ":" + d.submitted() + ":" + n.step() + ":"
        + n.username();
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (p.email() != null) {
      out.add(new Notification(base + ":EMAIL", s.incidentId(), s.watchId(), Notification.Kind.APPROVAL, 0,
          s.severity(), p.username(), p.name(), Notification.Channel.EMAIL, p.email(), "fr", subject, body, sms,
          link, List.of(), now));
    }
    if (p.phone() != null) {
      out.add(new Notification(base + ":SMS", s.incidentId(), s.watchId(), Notification.Kind.APPROVAL, 0,
          s.severity(), p.username(), p.name(), Notification.Channel.SMS, p.phone(), "fr", subject, body, sms,
          link, List.of(), now));
    }
    return out;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private boolean suspended() {
    PublishingSwitch s = switches.get(PublishingSwitch.KEY);
    return s != null && s.suspended();
  }

  private void cancelScheduled(String incident, Instant at, String by, long ts) {
    List<Draft> scheduled = new ArrayList<>();
    try (KeyValueIterator<String, Draft> it = drafts.prefixScan(incident + "/",
        new org.apache.kafka.common.serialization.StringSerializer())) {
      it.forEachRemaining(kv -> {
        if (kv.value.state() == Draft.State.SCHEDULED) {
          scheduled.add(kv.value);
        }
      });
    }
    for (Draft d : scheduled) {
      apply(incident, room.cancelled(states.get(incident), d, at, by), ts);
    }
  }

  /** Publishes the scheduled drafts whose time came (or cancels them while the switch is on). */
  private void publishDue(long now) {
    Instant at = Instant.ofEpochMilli(now);
    List<KeyValue<String, Draft>> due = new ArrayList<>();
    try (KeyValueIterator<String, Draft> it = drafts.all()) {
      it.forEachRemaining(kv -> {
        Draft d = kv.value;
        if (d.state() == Draft.State.SCHEDULED && d.publishAt() != null && !d.publishAt().isAfter(at)) {
          due.add(kv);
        }
      });
    }
    boolean suspended = suspended();
    for (KeyValue<String, Draft> kv : due) {
      String incident = kv.value.incidentId();
      apply(incident, room.due(states.get(incident), kv.value, at, suspended), now);
    }
  }

  static String key(String incident, String draft) {
    return incident + "/" + draft;
  }
}
