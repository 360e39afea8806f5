package fr.communitydefender.room;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.Courante;
import fr.communitydefender.domain.room.Draft;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.domain.config.YamlConfigLoader;
import fr.communitydefender.room.chains.ApprovalChains;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {
  static final ApprovalChains CHAINS = YamlConfigLoader.parse("test.yaml", """
      groups:
        dircom: [camille, dominique]
        cabinet: [claude]
        maire: [marie, michel]
        nuit: [nina]
      chains:
        - id: courant
          severities: [info, low, medium, high]
          expires: 2h
          steps: [{name: dircom, any_of: dircom}]
        - id: crise
          severities: [critical]
          steps:
            - {name: dircom, any_of: dircom}
            - {name: maire, all_of: maire}
      delegations:
        - {group: nuit, step: dircom, up_to: medium}
      """, ApprovalChains.class);
  static final Set<Role> DRAFTER = Set.of(Role.DRAFTER);
  static final Set<Role> APPROVER = Set.of(Role.APPROVER);
  static final Set<Role> BOTH = Set.of(Role.DRAFTER, Role.APPROVER);

  final Room room = new Room(CHAINS);
  Instant now = Instant.parse("2026-12-02T21:00:00Z");
  RoomState state;
  final Map<String, Draft> drafts = new HashMap<>();
  final List<CouranteEntry> log = new ArrayList<>();

  @BeforeEach
  void open() {
    state = new RoomState("inc-1", "Crue de la Loire", "crue", Severity.MEDIUM, "open", Map.of(), List.of(),
        List.of(), 0, null, null);
  }

  Room.Decision run(String actor, Set<Role> roles, RoomCommand.Type type, String... kv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      args.put(kv[i], kv[i + 1]);
    }
    now = now.plusSeconds(1);
    Room.Decision d = room.decide(state, drafts::get,
        new RoomCommand(UUID.randomUUID().toString(), "inc-1", type, actor, roles, now, args), false);
    if (d.ok()) {
      state = d.state();
      if (d.draft() != null) {
        drafts.put(d.draft().id(), d.draft());
      }
      log.addAll(d.entries());
    }
    return d;
  }

  String approvedDraft() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "Point de situation");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(200);
    return "d1";
  }

  @Test
  void shouldCarryADraftFromCreationToPublishingWhenEveryStepApproves() {
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1").ok()).isTrue();
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "v2")
        .ok()).isTrue();
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "2").notices())
        .extracting(Room.Notice::username).containsExactly("camille", "dominique");
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.PENDING);
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "2").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.APPROVED);
    Room.Decision p = run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "2");
    assertThat(p.publications()).singleElement().satisfies(pub -> {
      assertThat(pub.text()).isEqualTo("v2");
      assertThat(pub.id()).isEqualTo("inc-1/d1/2");
    });
    assertThat(run("system:publisher", Set.of(), RoomCommand.Type.PUBLISHED, "draft", "d1", "version", "2", "url",
        "https://m.example/@ville/1").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.PUBLISHED);
    assertThat(log).extracting(CouranteEntry::type).containsExactly("draft", "version", "version", "submitted",
        "approved", "publish", "published");
    assertThat(Courante.verify("inc-1", log, state.seq(), state.head()).intact()).isTrue();
  }

  @Test
  void shouldRefuseWhenTheAuthorApprovesTheirOwnVersion() {
    run("camille", BOTH, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "mine");
    run("camille", BOTH, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    Room.Decision d = run("camille", BOTH, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1");
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.message()).contains("four-eyes");
  }

  @Test
  void shouldRefuseWhenAnApproverEditsThenApprovesTheirOwnEdit() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "texte de René");
    run("camille", BOTH, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "texte de Camille");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "2");
    assertThat(run("camille", BOTH, RoomCommand.Type.APPROVE, "draft", "d1", "version", "2").status()).isEqualTo(403);
  }

  @Test
  void shouldVoidApprovalsWhenTheDraftIsEditedAfterApproval() {
    approvedDraft();
    Room.Decision edit = run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text",
        "Point de situation, modifié après validation");
    assertThat(edit.entries()).extracting(CouranteEntry::type).containsExactly("version", "approvals-voided");
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.DRAFT);
    assertThat(drafts.get("d1").approvals()).isEmpty();
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "2").status()).isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").status()).isEqualTo(409);
  }

  @Test
  void shouldRefuseToApproveAnOldVersionResubmittedAfterAnEdit() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "v2");
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1").status()).isEqualTo(409);
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "2");
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(409);
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "2").status())
        .isEqualTo(200);
  }

  @Test
  void shouldRefuseAStaleSaveWithTheNewerVersionToMerge() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "bluesky", "text", "v1");
    run("alice", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "v2 d'Alice");
    Room.Decision stale = run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1",
        "text", "v2 de René");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.latest().text()).isEqualTo("v2 d'Alice");
    assertThat(stale.message()).contains("alice");
  }

  @Test
  void shouldLetADelegateApproveOnlyUpToTheirSeverity() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "nuit");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("nina", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(200);
    assertThat(log.get(log.size() - 1).data()).containsEntry("delegated", "true");

    open();
    drafts.clear();
    run("rene", DRAFTER, RoomCommand.Type.SEVERITY, "severity", "high");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "grave");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("nina", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(403);
  }

  @Test
  void shouldNotLetADelegateInByLoweringTheSeverityAfterSubmission() {
    run("rene", DRAFTER, RoomCommand.Type.SEVERITY, "severity", "high");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "grave");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    run("rene", DRAFTER, RoomCommand.Type.SEVERITY, "severity", "low");
    assertThat(run("nina", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(403);
  }

  @Test
  void shouldRequireEveryStepInOrderAndEveryMemberOfAnAllOfStep() {
    run("rene", DRAFTER, RoomCommand.Type.SEVERITY, "severity", "critical");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "crise");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("marie", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .as("the mayor before the dircom").isEqualTo(403);
    Room.Decision dircom = run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1");
    assertThat(dircom.notices()).extracting(Room.Notice::username).containsExactly("marie", "michel");
    assertThat(run("marie", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.PENDING);
    assertThat(run("marie", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .as("the same person twice").isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").status()).isEqualTo(409);
    assertThat(run("michel", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.APPROVED);
  }

  @Test
  void shouldRecordARejectionWithItsReasonAndAllowResubmissionAfterAnEdit() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("camille", APPROVER, RoomCommand.Type.REJECT, "draft", "d1", "version", "1").status())
        .as("a reason is required").isEqualTo(400);
    run("camille", APPROVER, RoomCommand.Type.REJECT, "draft", "d1", "version", "1", "reason", "Ajouter le numéro");
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.REJECTED);
    assertThat(drafts.get("d1").rejection()).isEqualTo("Ajouter le numéro");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "v2 avec numéro");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "2").ok()).isTrue();
  }

  @Test
  void shouldRefuseAnApprovalAfterTheRequestExpired() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    now = now.plus(Duration.ofHours(2));
    Room.Decision late = run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.message()).contains("expired");
  }

  @Test
  void shouldRefuseRolesThatMayNotDoIt() {
    assertThat(run("lea", Set.of(Role.VIEWER), RoomCommand.Type.NOTE, "text", "x").status()).isEqualTo(403);
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("alice", DRAFTER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .isEqualTo(403);
    assertThat(run("claude", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .as("an approver outside the step's group").isEqualTo(403);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISHED, "draft", "d1", "version", "1", "url", "x").status())
        .as("only the publisher reports publications").isEqualTo(403);
  }

  @Test
  void shouldEnforceTheChannelsLengthLimit() {
    Room.Decision d = run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "bluesky", "text", "é".repeat(301));
    assertThat(d.status()).isEqualTo(400);
    assertThat(d.message()).contains("301").contains("300");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "bluesky", "text", "é".repeat(300))
        .ok()).isTrue();
  }

  @Test
  void shouldRecordNotesDecisionsRolesMentionsStatusAndSeverity() {
    run("rene", DRAFTER, RoomCommand.Type.NOTE, "text", "Appel de la préfecture");
    run("rene", DRAFTER, RoomCommand.Type.DECISION, "text", "Ouverture du gymnase");
    run("rene", DRAFTER, RoomCommand.Type.ASSIGN_ROLE, "role", "liaison", "username", "alice");
    run("rene", DRAFTER, RoomCommand.Type.ATTACH, "mention", "mastodon:42");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.ATTACH, "mention", "mastodon:42").status()).isEqualTo(409);
    run("rene", DRAFTER, RoomCommand.Type.DETACH, "mention", "mastodon:42");
    run("rene", DRAFTER, RoomCommand.Type.STATUS, "status", "responding");
    run("rene", DRAFTER, RoomCommand.Type.SEVERITY, "severity", "high");
    assertThat(state.roles()).containsEntry("liaison", "alice");
    assertThat(state.status()).isEqualTo("responding");
    assertThat(state.severity()).isEqualTo(Severity.HIGH);
    assertThat(log).extracting(CouranteEntry::type).containsExactly("note", "decision", "role", "attach", "detach",
        "status", "severity");
    assertThat(log).extracting(CouranteEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void shouldScheduleAndCancelWhenTheSwitchIsOn() {
    approvedDraft();
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        now.minusSeconds(5).toString()).status()).isEqualTo(400);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        now.plusSeconds(3600).toString()).ok()).isTrue();
    Room.Decision due = room.due(state, drafts.get("d1"), now.plusSeconds(3600), true);
    assertThat(due.publications()).isEmpty();
    assertThat(due.draft().state()).isEqualTo(Draft.State.APPROVED);
    Room.Decision published = room.due(state, drafts.get("d1"), now.plusSeconds(3600), false);
    assertThat(published.publications()).singleElement().extracting(p -> p.text()).isEqualTo("Point de situation");
    drafts.put("d1", due.draft());
    Room.Decision refused = room.decide(state, drafts::get, new RoomCommand("x", "inc-1", RoomCommand.Type.SCHEDULE,
        "rene", DRAFTER, now, Map.of("draft", "d1", "version", "1", "at", now.plusSeconds(60).toString())), true);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.message()).contains("suspended");
  }

  @Test
  void shouldRecordAPublicationElsewhereForChannelsWithoutAnApi() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "website", "text", "Communiqué de presse");
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").status()).isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISHED_ELSEWHERE, "draft", "d1", "version", "1").status())
        .as("the link is required").isEqualTo(400);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISHED_ELSEWHERE, "draft", "d1", "version", "1", "url",
        "https://sainte-aure.example/communique").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.PUBLISHED);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "x")
        .status()).as("a published draft is not edited").isEqualTo(409);
  }

  @Test
  void shouldGoBackToApprovedWhenPublishingFailsAndPublishAgain() {
    approvedDraft();
    run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").status())
        .as("not twice while publishing").isEqualTo(409);
    assertThat(run("system:publisher", Set.of(), RoomCommand.Type.PUBLISH_FAILED, "draft", "d1", "version", "1",
        "reason", "Mastodon answered HTTP 401").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.APPROVED);
    assertThat(drafts.get("d1").lastError()).contains("401");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").publications())
        .hasSize(1);
  }

  @Test
  void shouldCancelASchedule() {
    approvedDraft();
    run("rene", DRAFTER, RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at", now.plusSeconds(600)
        .toString());
    assertThat(run("rene", DRAFTER, RoomCommand.Type.CANCEL_SCHEDULE, "draft", "d1").ok()).isTrue();
    assertThat(drafts.get("d1").state()).isEqualTo(Draft.State.APPROVED);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.CANCEL_SCHEDULE, "draft", "d1").status()).isEqualTo(409);
  }

  @Test
  void shouldRefuseTransitionsFromTheWrongState() {
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "v1");
    assertThat(run("camille", APPROVER, RoomCommand.Type.APPROVE, "draft", "d1", "version", "1").status())
        .as("not submitted").isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        now.plusSeconds(60).toString()).status()).as("not approved").isEqualTo(409);
    run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1").status())
        .as("already pending").isEqualTo(409);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.COMMENT, "draft", "d1", "version", "7", "text", "?").status())
        .isEqualTo(404);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.COMMENT, "draft", "d9", "text", "?").status()).isEqualTo(404);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.COMMENT, "draft", "d1", "text", "Vu avec le cabinet").ok())
        .isTrue();
    assertThat(drafts.get("d1").comments()).singleElement().extracting(Draft.Comment::version).isEqualTo(1);
  }

  @Test
  void shouldRefuseInvalidDrafts() {
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "fax", "text", "x").status())
        .isEqualTo(400);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "kind", "reply").message())
        .contains("replyTo");
    run("rene", DRAFTER, RoomCommand.Type.DRAFT_CREATE, "channel", "sms", "text", "");
    assertThat(run("rene", DRAFTER, RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1").status())
        .as("an empty draft").isEqualTo(400);
    assertThat(run("rene", DRAFTER, RoomCommand.Type.DRAFT_SAVE, "draft", "d1", "baseVersion", "1", "text", "")
        .status()).as("nothing changed").isEqualTo(409);
  }
}
