package fr.communitydefender.room;

import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.Draft;
import fr.communitydefender.domain.room.Publication;
import fr.communitydefender.domain.room.ResponseChannel;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.room.chains.ApprovalChains;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of an incident room, as one pure function: a command and the room's state (with the draft it names) in,
 * a decision out — refused with an HTTP-like status and a reason, or accepted with the new state, the changed draft,
 * the main courante's new entries (chained to the room's head), publications and approval requests. The room stage
 * applies it to each command in order, for HTTP and WebSocket alike; nothing else changes a room.
 *
 * <p>Four-eyes: the author of a version never approves it, nor does anyone approve the same version twice; a save
 * after a submission voids its approvals; approvals name the version they approve, and only a version that went
 * through every step of its chain is published, its text byte for byte (checked against its SHA-256).
 */
public final class Room {
  public static final String SYSTEM = "system";
  static final int MAX_DRAFTS = 50;
  static final int MAX_VERSIONS = 100;
  static final int MAX_COMMENTS = 200;
  static final int MAX_ATTACHED = 1000;
  static final int MAX_NOTE = 5000;
  public static final Set<String> CRISIS_ROLES = Set.of("lead", "drafter", "approver", "liaison");
  public static final List<String> STATUSES = List.of("open", "responding", "monitoring", "closed");

  private final ApprovalChains chains;

  public Room(ApprovalChains chains) {
    this.chains = Objects.requireNonNull(chains, "chains");
  }

  /** Someone to notify: a draft waits for their approval at step {@code step}. */
  public record Notice(String username, Draft draft, String step) {}

  /** What a command did. {@code status} 200: accepted, the rest filled; else refused with {@code message}. */
  public record Decision(int status, String message, RoomState state, Draft draft, List<CouranteEntry> entries,
      List<Publication> publications, List<Notice> notices, Draft.Version latest) {
    public boolean ok() {
      return status == 200;
    }

    static Decision refuse(int status, String message) {
      return new Decision(status, message, null, null, List.of(), List.of(), List.of(), null);
    }
  }

  /** Thrown inside {@link #decide} to refuse; caught there. */
  private static final class Refused extends RuntimeException {
    final int status;
    final transient Draft.Version latest;

    Refused(int status, String message) {
      this(status, message, null);
    }

    Refused(int status, String message, Draft.Version latest) {
      super(message, null, false, false);
      this.status = status;
      this.latest = latest;
    }
  }

  /** Accumulates the entries of one decision, chained from the room's head. */
  private static final class Log {
    RoomState state;
    final List<CouranteEntry> entries = new ArrayList<>();

    Log(RoomState state) {
      this.state = state;
    }

    void add(Instant at, String actor, String type, String text, Map<String, String> data) {
      long seq = state.seq() + 1;
      CouranteEntry e = CouranteEntry.chained(state.incidentId(), seq, at, actor, type, text, data,
          state.head() == null ? CouranteEntry.GENESIS : state.head());
      entries.add(e);
      state = new RoomState(state.incidentId(), state.title(), state.watchId(), state.severity(), state.status(),
          state.roles(), state.attached(), state.drafts(), seq, e.hash(), at);
    }
  }

  /**
   * Decides a command. {@code drafts}: the room's drafts by id (read from the store). {@code suspended}: whether the
   * commune's suspend switch is on.
   */
  public Decision decide(RoomState state, Function<String, Draft> drafts, RoomCommand c, boolean suspended) {
    try {
      return apply(state == null ? RoomState.empty(c.incidentId()) : state, drafts, c, suspended);
    } catch (Refused r) {
      return new Decision(r.status, r.getMessage(), null, null, List.of(), List.of(), List.of(), r.latest);
    }
  }

  private Decision apply(RoomState s, Function<String, Draft> drafts, RoomCommand c, boolean suspended) {
    if (c.type().system() != c.actor().startsWith(SYSTEM)) {
      throw new Refused(403, c.type().system() ? "only the pipeline sends '" + c.type().path() + "'"
          : "system accounts do not write in rooms");
    }
    if (!c.type().system()) {
      boolean approverOnly = c.type() == RoomCommand.Type.APPROVE || c.type() == RoomCommand.Type.REJECT;
      boolean may = approverOnly ? c.roles().contains(Role.APPROVER)
          : c.roles().contains(Role.DRAFTER) || c.roles().contains(Role.APPROVER) || c.roles().contains(Role.ADMIN);
      if (!may) {
        throw new Refused(403, approverOnly ? "approving needs the approver role"
            : "writing in the incident room needs the drafter, approver or admin role");
      }
    }
    Log log = new Log(s);
    Instant at = c.at();
    Draft changed = null;
    List<Publication> publications = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    switch (c.type()) {
      case NOTE, DECISION -> {
        String text = text(c, "text", MAX_NOTE);
        String type = c.type() == RoomCommand.Type.NOTE ? "note" : "decision";
        log.add(at, c.actor(), type, text, Map.of());
      }
      case ASSIGN_ROLE -> {
        String role = required(c, "role").toLowerCase(Locale.ROOT);
        if (!CRISIS_ROLES.contains(role)) {
          throw new Refused(400, "role: one of lead, drafter, approver, liaison");
        }
        String who = c.arg("username");
        Map<String, String> roles = new LinkedHashMap<>(s.roles());
        if (who == null) {
          roles.remove(role);
        } else {
          roles.put(role, who);
        }
        log.state = withRoles(log.state, roles);
        log.add(at, c.actor(), "role", who == null ? "role " + role + " unassigned" : "role " + role + ": " + who,
            data("role", role, "username", who));
      }
      case ATTACH, DETACH -> {
        String mention = required(c, "mention");
        if (mention.length() > 300) {
          throw new Refused(400, "mention: at most 300 characters");
        }
        List<String> attached = new ArrayList<>(s.attached());
        boolean attach = c.type() == RoomCommand.Type.ATTACH;
        if (attach == attached.contains(mention)) {
          throw new Refused(409, attach ? "mention already attached" : "mention not attached");
        }
        if (attach && attached.size() >= MAX_ATTACHED) {
          throw new Refused(409, "at most " + MAX_ATTACHED + " mentions attached");
        }
        if (attach) {
          attached.add(mention);
        } else {
          attached.remove(mention);
        }
        log.state = new RoomState(s.incidentId(), s.title(), s.watchId(), s.severity(), s.status(), s.roles(),
            attached, s.drafts(), s.seq(), s.head(), s.updatedAt());
        log.add(at, c.actor(), attach ? "attach" : "detach", (attach ? "attached " : "detached ") + mention,
            data("mention", mention));
      }
      case STATUS -> {
        String status = required(c, "status").toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
          throw new Refused(400, "status: one of " + String.join(", ", STATUSES));
        }
        log.state = new RoomState(s.incidentId(), s.title(), s.watchId(), s.severity(), status, s.roles(),
            s.attached(), s.drafts(), s.seq(), s.head(), s.updatedAt());
        log.add(at, c.actor(), "status", "status: " + s.status() + " → " + status,
            data("from", s.status(), "to", status, "reason", c.arg("reason")));
      }
      case SEVERITY -> {
        Severity sev;
        try {
          sev = Severity.of(required(c, "severity"));
        } catch (IllegalArgumentException e) {
          throw new Refused(400, "severity: " + e.getMessage());
        }
        log.state = new RoomState(s.incidentId(), s.title(), s.watchId(), sev, s.status(), s.roles(), s.attached(),
            s.drafts(), s.seq(), s.head(), s.updatedAt());
        log.add(at, c.actor(), "severity", "severity: " + s.severity().id() + " → " + sev.id(),
            data("from", s.severity().id(), "to", sev.id(), "reason", c.arg("reason")));
      }
      case DRAFT_CREATE -> {
        if (s.drafts().size() >= MAX_DRAFTS) {
          throw new Refused(409, "at most " + MAX_DRAFTS + " drafts per incident");
        }
        ResponseChannel channel = channel(c);
        String kind = c.arg("kind") == null ? "statement" : c.arg("kind");
        if (!kind.equals("statement") && !kind.equals("reply")) {
          throw new Refused(400, "kind: statement or reply");
        }
        String replyTo = c.arg("replyTo");
        if (kind.equals("reply") && replyTo == null) {
          throw new Refused(400, "replyTo: the mention this replies to is required for a reply");
        }
        String title = c.arg("title") == null ? (kind.equals("reply") ? "Réponse" : "Communiqué") : c.arg("title");
        if (title.length() > 200) {
          throw new Refused(400, "title: at most 200 characters");
        }
        String text = c.args().getOrDefault("text", "");
        check(channel, text);
        String id = "d" + (s.drafts().size() + 1);
        Draft.Version v1 = new Draft.Version(1, text, c.actor(), at, sha256(text));
        changed = new Draft(id, s.incidentId(), kind, channel.id(), title, replyTo, c.arg("replyToRef"), c.actor(),
            at, List.of(v1), List.of(), Draft.State.DRAFT, null, null, null, 0, List.of(), null, null, null, null,
            null, null);
        log.add(at, c.actor(), "draft", "draft " + id + " (" + kind + ", " + channel.id() + "): " + title,
            data("draft", id, "kind", kind, "channel", channel.id(), "replyTo", replyTo));
        log.add(at, c.actor(), "version", "draft " + id + " version 1", versionData(id, v1));
      }
      case DRAFT_SAVE -> {
        Draft d = draft(drafts, c);
        int base = integer(c, "baseVersion");
        Draft.Version latest = d.latest();
        if (base != latest.n()) {
          throw new Refused(409, "draft " + d.id() + " was saved by " + latest.author() + " as version " + latest.n()
              + " after your version " + base + ": merge your text into it and save again", latest);
        }
        if (d.state() == Draft.State.PUBLISHED || d.state() == Draft.State.PUBLISHING) {
          throw new Refused(409, "draft " + d.id() + " is " + d.state().id() + ": start a new draft");
        }
        if (d.versions().size() >= MAX_VERSIONS) {
          throw new Refused(409, "at most " + MAX_VERSIONS + " versions per draft: start a new draft");
        }
        String text = c.args().getOrDefault("text", "");
        check(ResponseChannel.of(d.channel()), text);
        if (text.equals(latest.text())) {
          throw new Refused(409, "nothing changed since version " + latest.n());
        }
        Draft.Version v = new Draft.Version(latest.n() + 1, text, c.actor(), at, sha256(text));
        List<Draft.Version> versions = new ArrayList<>(d.versions());
        versions.add(v);
        boolean voids = d.state() != Draft.State.DRAFT;
        changed = d.with(versions, d.comments(), Draft.State.DRAFT, null, null, null, 0, List.of(), null, null, null,
            null, null, null);
        log.add(at, c.actor(), "version", "draft " + d.id() + " version " + v.n(), versionData(d.id(), v));
        if (voids) {
          log.add(at, c.actor(), "approvals-voided", "draft " + d.id() + ": edited after submission ("
              + d.state().id() + "), approvals of version " + d.submitted() + " void",
              data("draft", d.id(), "version", String.valueOf(d.submitted()), "was", d.state().id()));
        }
      }
      case COMMENT -> {
        Draft d = draft(drafts, c);
        if (d.comments().size() >= MAX_COMMENTS) {
          throw new Refused(409, "at most " + MAX_COMMENTS + " comments per draft");
        }
        String text = text(c, "text", 2000);
        int version = c.arg("version") == null ? d.latest().n() : integer(c, "version");
        if (d.version(version) == null) {
          throw new Refused(404, "draft " + d.id() + " has no version " + version);
        }
        List<Draft.Comment> comments = new ArrayList<>(d.comments());
        comments.add(new Draft.Comment(c.actor(), at, version, text));
        changed = d.with(d.versions(), comments, d.state(), d.submitted(), d.chainId(), d.submittedSeverity(),
            d.step(), d.approvals(), d.rejection(), d.expiresAt(), d.publishAt(), d.publishedUrl(),
            d.publishedVersion(), d.lastError());
        log.add(at, c.actor(), "comment", "comment on draft " + d.id() + " version " + version + ": " + text,
            data("draft", d.id(), "version", String.valueOf(version)));
      }
      case SUBMIT -> {
        Draft d = draft(drafts, c);
        int version = integer(c, "version");
        if (version != d.latest().n()) {
          throw new Refused(409, "only the latest version (" + d.latest().n() + ") can be submitted");
        }
        if (d.state() != Draft.State.DRAFT && d.state() != Draft.State.REJECTED
            && d.state() != Draft.State.EXPIRED) {
          throw new Refused(409, "draft " + d.id() + " is " + d.state().id());
        }
        if (d.latest().text().isBlank()) {
          throw new Refused(400, "an empty draft cannot be submitted");
        }
        ResponseChannel channel = ResponseChannel.of(d.channel());
        ApprovalChains.Chain chain = chains.choose(s.severity(), channel).orElseThrow(() -> new Refused(409,
            "no approval chain for severity " + s.severity().id() + " and channel " + channel.id()));
        changed = d.with(d.versions(), d.comments(), Draft.State.PENDING, version, chain.id(), s.severity(), 0,
            List.of(), null, at.plus(chain.expires()), null, null, null, null);
        ApprovalChains.Step first = chain.steps().get(0);
        log.add(at, c.actor(), "submitted", "draft " + d.id() + " version " + version + " submitted for approval ("
            + chain.id() + ": " + chain.steps().stream().map(ApprovalChains.Step::name).toList() + ")",
            data("draft", d.id(), "version", String.valueOf(version), "chain", chain.id(), "step", first.name(),
                "expires", at.plus(chain.expires()).toString()));
        notify(changed, first, notices);
      }
      case APPROVE, REJECT -> {
        Draft d = draft(drafts, c);
        int version = integer(c, "version");
        if (d.state() != Draft.State.PENDING) {
          throw new Refused(409, "draft " + d.id() + " is " + d.state().id() + ", not waiting for approval");
        }
        if (d.submitted() == null || version != d.submitted() || version != d.latest().n()) {
          throw new Refused(409, "version " + version + " is not the version under approval ("
              + d.submitted() + ")", d.latest());
        }
        if (d.expiresAt() != null && !at.isBefore(d.expiresAt())) {
          throw new Refused(409, "the approval request expired at " + d.expiresAt() + ": submit again");
        }
        Draft.Version v = d.version(version);
        if (v.author().equals(c.actor())) {
          throw new Refused(403, "four-eyes: you wrote version " + version + ", someone else must "
              + (c.type() == RoomCommand.Type.APPROVE ? "approve" : "reject") + " it");
        }
        ApprovalChains.Chain chain = chains.chain(d.chainId()).orElseThrow(() -> new Refused(409,
            "approval chain '" + d.chainId() + "' no longer exists: submit again"));
        ApprovalChains.Step step = chain.steps().get(d.step());
        Severity strictest = max(s.severity(), d.submittedSeverity());
        ApprovalChains.Eligibility how = chains.eligibility(c.actor(), step, strictest);
        if (how == ApprovalChains.Eligibility.NONE) {
          throw new Refused(403, "step " + step.name() + " is for group " + step.group()
              + (delegable(step) ? " (or its delegates up to their severity; this incident is "
                  + strictest.id() + ")" : ""));
        }
        if (d.approvals().stream().anyMatch(a -> a.actor().equals(c.actor()) && a.version() == version)) {
          throw new Refused(409, "you already approved version " + version + " (each step needs another person)");
        }
        if (c.type() == RoomCommand.Type.REJECT) {
          String reason = text(c, "reason", 2000);
          changed = d.with(d.versions(), d.comments(), Draft.State.REJECTED, d.submitted(), d.chainId(),
              d.submittedSeverity(), d.step(), d.approvals(), reason, null, null, null, null, null);
          log.add(at, c.actor(), "rejected", "draft " + d.id() + " version " + version + " rejected at step "
              + step.name() + ": " + reason, data("draft", d.id(), "version", String.valueOf(version), "step",
                  step.name(), "reason", reason));
          break;
        }
        List<Draft.Approval> approvals = new ArrayList<>(d.approvals());
        boolean delegated = how == ApprovalChains.Eligibility.DELEGATE;
        approvals.add(new Draft.Approval(version, d.step(), c.actor(), at, delegated));
        boolean stepDone = !step.all() || delegated || chains.members(step.group()).stream()
            .filter(m -> !m.equals(v.author()))
            .allMatch(m -> approvals.stream().anyMatch(a -> a.step() == d.step() && a.actor().equals(m)));
        int next = stepDone ? d.step() + 1 : d.step();
        boolean done = next >= chain.steps().size();
        changed = d.with(d.versions(), d.comments(), done ? Draft.State.APPROVED : Draft.State.PENDING,
            d.submitted(), d.chainId(), d.submittedSeverity(), next, approvals, null, d.expiresAt(), null, null,
            null, null);
        log.add(at, c.actor(), "approved", "draft " + d.id() + " version " + version + " approved at step "
            + step.name() + (delegated ? " (by delegation)" : "") + (done ? "; ready to publish" : ""),
            data("draft", d.id(), "version", String.valueOf(version), "step", step.name(), "sha256", v.sha256(),
                "delegated", String.valueOf(delegated)));
        if (stepDone && !done) {
          notify(changed, chain.steps().get(next), notices);
        }
      }
      case PUBLISH, SCHEDULE, PUBLISHED_ELSEWHERE -> {
        Draft d = draft(drafts, c);
        int version = integer(c, "version");
        if (d.state() != Draft.State.APPROVED) {
          throw new Refused(409, "draft " + d.id() + " is " + d.state().id() + ": only an approved version is "
              + "published");
        }
        if (d.submitted() == null || version != d.submitted()) {
          throw new Refused(409, "version " + version + " is not the approved version (" + d.submitted() + ")",
              d.latest());
        }
        Draft.Version v = d.version(version);
        if (!sha256(v.text()).equals(v.sha256())) {
          throw new Refused(409, "version " + version + " does not match its recorded hash");
        }
        ResponseChannel channel = ResponseChannel.of(d.channel());
        if (c.type() == RoomCommand.Type.PUBLISHED_ELSEWHERE) {
          String url = required(c, "url");
          if (url.length() > 500) {
            throw new Refused(400, "url: at most 500 characters");
          }
          changed = d.with(d.versions(), d.comments(), Draft.State.PUBLISHED, d.submitted(), d.chainId(),
              d.submittedSeverity(), d.step(), d.approvals(), null, d.expiresAt(), null, url, version, null);
          log.add(at, c.actor(), "published", "draft " + d.id() + " version " + version + " published elsewhere: "
              + url, data("draft", d.id(), "version", String.valueOf(version), "url", url, "channel", channel.id(),
                  "sha256", v.sha256()));
          break;
        }
        if (!channel.api()) {
          throw new Refused(409, channel.id() + " is published elsewhere: record it with its link");
        }
        if (c.type() == RoomCommand.Type.SCHEDULE) {
          if (suspended) {
            throw new Refused(409, "publications are suspended (crisis mode): nothing can be scheduled");
          }
          Instant when;
          try {
            when = Instant.parse(required(c, "at"));
          } catch (java.time.format.DateTimeParseException e) {
            throw new Refused(400, "at: an ISO-8601 instant, e.g. 2026-12-02T18:00:00Z");
          }
          if (!when.isAfter(at)) {
            throw new Refused(400, "at: must be in the future");
          }
          changed = d.with(d.versions(), d.comments(), Draft.State.SCHEDULED, d.submitted(), d.chainId(),
              d.submittedSeverity(), d.step(), d.approvals(), null, d.expiresAt(), when, null, null, null);
          log.add(at, c.actor(), "scheduled", "draft " + d.id() + " version " + version + " scheduled for " + when,
              data("draft", d.id(), "version", String.valueOf(version), "at", when.toString()));
          break;
        }
        changed = publishing(d, v, c.actor(), at, log, publications);
      }
      case CANCEL_SCHEDULE -> {
        Draft d = draft(drafts, c);
        if (d.state() != Draft.State.SCHEDULED) {
          throw new Refused(409, "draft " + d.id() + " is not scheduled");
        }
        changed = cancelSchedule(d, c.actor(), at, log, "cancelled");
      }
      case PUBLISHED, PUBLISH_FAILED -> {
        Draft d = draft(drafts, c);
        int version = integer(c, "version");
        if (d.state() != Draft.State.PUBLISHING || !Objects.equals(d.submitted(), version)) {
          throw new Refused(409, "draft " + d.id() + " is not being published");
        }
        if (c.type() == RoomCommand.Type.PUBLISHED) {
          String url = required(c, "url");
          changed = d.with(d.versions(), d.comments(), Draft.State.PUBLISHED, d.submitted(), d.chainId(),
              d.submittedSeverity(), d.step(), d.approvals(), null, d.expiresAt(), null, url, version, null);
          log.add(at, c.actor(), "published", "draft " + d.id() + " version " + version + " published on "
              + d.channel() + ": " + url, data("draft", d.id(), "version", String.valueOf(version), "url", url,
                  "channel", d.channel(), "sha256", d.version(version).sha256(), "postId", c.arg("postId")));
        } else {
          String reason = text(c, "reason", 2000);
          changed = d.with(d.versions(), d.comments(), Draft.State.APPROVED, d.submitted(), d.chainId(),
              d.submittedSeverity(), d.step(), d.approvals(), null, d.expiresAt(), null, null, null, reason);
          log.add(at, c.actor(), "publish-failed", "draft " + d.id() + " version " + version + " not published: "
              + reason, data("draft", d.id(), "version", String.valueOf(version), "reason", reason));
        }
      }
      case SWITCH -> {
        boolean on = Boolean.parseBoolean(required(c, "suspended"));
        String by = c.arg("by");
        log.add(at, by == null ? c.actor() : by, "switch", on ? "publications suspended: " + c.arg("reason")
            : "publications resumed", data("suspended", String.valueOf(on), "reason", c.arg("reason")));
        // the cancellations of scheduled drafts follow, one command per draft (see RoomTopology)
      }
      default -> throw new Refused(400, "unknown command");
    }
    RoomState out = log.state;
    if (changed != null) {
      out = withDraft(out, changed, at);
    }
    return new Decision(200, "ok", out, changed, log.entries, publications, notices, null);
  }

  /** A scheduled draft whose time came: published unless the switch is on (then its schedule is cancelled). */
  public Decision due(RoomState s, Draft d, Instant now, boolean suspended) {
    Log log = new Log(s);
    List<Publication> publications = new ArrayList<>();
    Draft changed = suspended ? cancelSchedule(d, SYSTEM + ":scheduler", now, log, "cancelled: publications suspended")
        : publishing(d, d.version(d.submitted()), SYSTEM + ":scheduler", now, log, publications);
    return new Decision(200, "ok", withDraft(log.state, changed, now), changed, log.entries, publications, List.of(),
        null);
  }

  /** A scheduled draft cancelled because the suspend switch went on. */
  public Decision cancelled(RoomState s, Draft d, Instant now, String by) {
    Log log = new Log(s);
    Draft changed = cancelSchedule(d, by, now, log, "cancelled: publications suspended");
    return new Decision(200, "ok", withDraft(log.state, changed, now), changed, log.entries, List.of(), List.of(),
        null);
  }

  /** The incident's own life (detection, acknowledgement, closing), recorded by the pipeline. */
  public Decision incident(RoomState state, IncidentEvent e) {
    RoomState s = state == null ? RoomState.empty(e.incident().id()) : state;
    boolean severityChanged = s.title() != null && s.severity() != e.incident().severity();
    if (e.type() == IncidentEvent.Type.UPDATED && !severityChanged) {
      return Decision.refuse(204, "nothing to record");
    }
    boolean first = s.title() == null;
    RoomState base = new RoomState(s.incidentId(), e.incident().title(), e.incident().watchId(),
        first || e.type() != IncidentEvent.Type.UPDATED ? e.incident().severity() : s.severity(),
        e.type() == IncidentEvent.Type.RESOLVED ? "closed" : "closed".equals(s.status())
            && e.type() == IncidentEvent.Type.REOPENED ? "open" : s.status(),
        s.roles(), s.attached(), s.drafts(), s.seq(), s.head(), s.updatedAt());
    Log log = new Log(base);
    String actor = e.by() == null ? SYSTEM + ":rules" : e.by();
    String what = switch (e.type()) {
      case OPENED -> "detection: " + e.incident().title() + " (" + e.incident().reason() + ")";
      case UPDATED -> "severity " + s.severity().id() + " → " + e.incident().severity().id();
      case ACKNOWLEDGED -> "acknowledged by " + e.by();
      case RESOLVED -> "closed" + (e.by() == null ? " by the rules" : " by " + e.by());
      case REOPENED -> "reopened: " + e.incident().reason();
    };
    log.add(e.at(), actor, "incident-" + e.type().name().toLowerCase(Locale.ROOT), what,
        data("severity", e.incident().severity().id(), "rule", e.incident().ruleId(), "watch",
            e.incident().watchId(), "count", String.valueOf(e.incident().currentCount())));
    return new Decision(200, "ok", log.state, null, log.entries, List.of(), List.of(), null);
  }

  /** A page sent (or given up, or held): recorded with the person's id and masked address only. */
  public Decision page(RoomState state, DeliveryAttempt a) {
    if (a.outcome() == DeliveryAttempt.Outcome.FAILED || a.outcome() == DeliveryAttempt.Outcome.DUPLICATE) {
      return Decision.refuse(204, "nothing to record");
    }
    RoomState s = state == null ? RoomState.empty(a.incidentId()) : state;
    Log log = new Log(s);
    log.add(a.at(), SYSTEM + ":pager", "page", a.kind().name().toLowerCase(Locale.ROOT) + " page to " + a.personId()
        + " by " + a.channel().id() + ": " + a.outcome().name().toLowerCase(Locale.ROOT),
        data("person", a.personId(), "channel", a.channel().id(), "to", a.maskedAddress(), "outcome",
            a.outcome().name().toLowerCase(Locale.ROOT), "notification", a.notificationId()));
    return new Decision(200, "ok", log.state, null, log.entries, List.of(), List.of(), null);
  }

  private Draft publishing(Draft d, Draft.Version v, String actor, Instant at, Log log, List<Publication> out) {
    Publication p = new Publication(d.incidentId() + "/" + d.id() + "/" + v.n(), d.incidentId(), d.id(), v.n(),
        d.channel(), v.text(), d.replyToRef(), actor, at);
    out.add(p);
    log.add(at, actor, "publish", "draft " + d.id() + " version " + v.n() + " sent to " + d.channel(),
        data("draft", d.id(), "version", String.valueOf(v.n()), "channel", d.channel(), "sha256", v.sha256(),
            "publication", p.id()));
    return d.with(d.versions(), d.comments(), Draft.State.PUBLISHING, d.submitted(), d.chainId(),
        d.submittedSeverity(), d.step(), d.approvals(), null, d.expiresAt(), null, null, null, null);
  }

  private static Draft cancelSchedule(Draft d, String actor, Instant at, Log log, String why) {
    log.add(at, actor, "schedule-cancelled", "draft " + d.id() + ": scheduled publication " + why,
        data("draft", d.id(), "version", String.valueOf(d.submitted()), "at", String.valueOf(d.publishAt())));
    return d.with(d.versions(), d.comments(), Draft.State.APPROVED, d.submitted(), d.chainId(), d.submittedSeverity(),
        d.step(), d.approvals(), null, d.expiresAt(), null, null, null, null);
  }

  private void notify(Draft d, ApprovalChains.Step step, List<Notice> notices) {
    String author = d.version(d.submitted()).author();
    for (String m : chains.members(step.group())) {
      if (!m.equals(author)) {
        notices.add(new Notice(m, d, step.name()));
      }
    }
  }

  private boolean delegable(ApprovalChains.Step step) {
    return chains.delegations().stream().anyMatch(dl -> dl.step().equals(step.name()));
  }

  private static Severity max(Severity a, Severity b) {
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  private static RoomState withRoles(RoomState s, Map<String, String> roles) {
    return new RoomState(s.incidentId(), s.title(), s.watchId(), s.severity(), s.status(), roles, s.attached(),
        s.drafts(), s.seq(), s.head(), s.updatedAt());
  }

  private static RoomState withDraft(RoomState s, Draft d, Instant at) {
    List<RoomState.DraftSummary> list = new ArrayList<>(s.drafts());
    RoomState.DraftSummary summary = new RoomState.DraftSummary(d.id(), d.kind(), d.channel(), d.title(), d.state(),
        d.latest().n(), at);
    int i = 0;
    while (i < list.size() && !list.get(i).id().equals(d.id())) {
      i++;
    }
    if (i < list.size()) {
      list.set(i, summary);
    } else {
      list.add(summary);
    }
    return new RoomState(s.incidentId(), s.title(), s.watchId(), s.severity(), s.status(), s.roles(), s.attached(),
        list, s.seq(), s.head(), s.updatedAt());
  }

  private static Map<String, String> versionData(String draft, Draft.Version v) {
    return data("draft", draft, "version", String.valueOf(v.n()), "sha256", v.sha256(), "text", v.text());
  }

  private static Map<String, String> data(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private static Draft draft(Function<String, Draft> drafts, RoomCommand c) {
    String id = required(c, "draft");
    Draft d = drafts.apply(id);
    if (d == null) {
      throw new Refused(404, "no draft '" + id + "' in incident " + c.incidentId());
    }
    return d;
  }

  private static ResponseChannel channel(RoomCommand c) {
    try {
      return ResponseChannel.of(required(c, "channel"));
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "channel: " + e.getMessage());
    }
  }

  private static void check(ResponseChannel channel, String text) {
    int n = ResponseChannel.length(text);
    if (n > channel.limit()) {
      throw new Refused(400, "text: " + n + " characters, " + channel.id() + " takes at most " + channel.limit());
    }
  }

  private static String required(RoomCommand c, String name) {
    String v = c.arg(name);
    if (v == null) {
      throw new Refused(400, name + ": required");
    }
    return v.strip();
  }

  private static String text(RoomCommand c, String name, int max) {
    String v = required(c, name);
    if (v.length() > max) {
      throw new Refused(400, name + ": at most " + max + " characters");
    }
    return v;
  }

  private static int integer(RoomCommand c, String name) {
    try {
      return Integer.parseInt(required(c, name));
    } catch (NumberFormatException e) {
      throw new Refused(400, name + ": a whole number");
    }
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
