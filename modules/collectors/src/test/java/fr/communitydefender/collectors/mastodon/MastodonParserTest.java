package fr.communitydefender.collectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonParserTest {
  private final MastodonParser parser = new MastodonParser("mastodon.example", "masto");
  private final List<String> events = Fixtures.ours("mastodon/stream.jsonl").lines().toList();

  @Test
  void shouldTurnAnUpdateWhosePayloadIsAJsonStringIntoAPlainTextMention() {
    var status = (MastodonParser.Status) parser.event(events.get(0));
    Mention m = status.mention();
    assertThat(status.edit()).isFalse();
    assertThat(m.id()).isEqualTo("mastodon:mastodon.example:113000000000000001");
    assertThat(m.source()).isEqualTo("masto");
    assertThat(m.text()).isEqualTo("Coupure d'eau rue des Lilas à #SainteAure\nRetour prévu à 18h\n"
        + "Merci de votre patience & bonne soirée");
    assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
    assertThat(m.author()).isEqualTo("@mairie@mastodon.example");
    assertThat(m.reach()).isEqualTo(5400);
    assertThat(m.lang()).isEqualTo("fr");
    assertThat(m.url()).isEqualTo("https://mastodon.example/@x/113000000000000001");
    assertThat(m.details().verified()).as("a verified profile link").isTrue();
    assertThat(m.details().authorName()).isEqualTo("Mairie de Sainte-Aure");
    assertThat(m.details().kind()).isEqualTo(MentionDetails.Kind.POST);
    assertThat(m.details().raw()).contains("\"id\":\"113000000000000001\"");
  }

  @Test
  void shouldMarkAStatusUpdateAsAnEditOfTheSameMention() {
    var edit = (MastodonParser.Status) parser.event(events.get(1));
    assertThat(edit.edit()).isTrue();
    assertThat(edit.mention().id()).isEqualTo("mastodon:mastodon.example:113000000000000001");
    assertThat(edit.mention().details().editedAt()).isEqualTo(Instant.parse("2026-11-29T09:05:00Z"));
    assertThat(edit.mention().text()).contains("19h");
  }

  @Test
  void shouldTurnADeleteIntoTheMentionIdToRemove() {
    assertThat(parser.event(events.get(2)))
        .isEqualTo(new MastodonParser.Delete("mastodon:mastodon.example:113000000000000001"));
  }

  @Test
  void shouldTakeAReblogsTextFromTheOriginalAndDropScripts() {
    Mention m = ((MastodonParser.Status) parser.event(events.get(3))).mention();
    assertThat(m.details().kind()).isEqualTo(MentionDetails.Kind.REPOST);
    assertThat(m.details().repostOf()).isEqualTo("mastodon:mastodon.example:113000000000000002");
    assertThat(m.text()).isEqualTo("Le pont est fermé à Sainte-Aure");
    assertThat(m.author()).as("the reblogger").isEqualTo("@paul@mastodon.example");
  }

  @Test
  void shouldKeepTheContentWarningAndTheReplyRelation() {
    Mention m = ((MastodonParser.Status) parser.event(events.get(4))).mention();
    assertThat(m.details().kind()).isEqualTo(MentionDetails.Kind.REPLY);
    assertThat(m.details().inReplyTo()).isEqualTo("mastodon:mastodon.example:113000000000000002");
    assertThat(m.text()).isEqualTo("Travaux\n\n@mairie quand rouvre-t-il ?");
  }

  @Test
  void shouldIgnoreOtherEventsAndRejectMalformedPayloadsWithTheReason() {
    assertThat(parser.event(events.get(5))).isEqualTo(new MastodonParser.Other("notification"));
    assertThatThrownBy(() -> parser.event(events.get(6))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> parser.event("{\"payload\":\"1\"}")).hasMessage("no 'event' field");
  }

  @Test
  void shouldReadARestTimelinePage() {
    assertThat(parser.timeline(Fixtures.ours("mastodon/timeline.json"))).extracting(Mention::id)
        .containsExactly("mastodon:mastodon.example:113000000000000006", "mastodon:mastodon.example:113000000000000005");
  }

  @Test
  void shouldParseTheRealStreamingEventsOfFlodgattWhenPresent() throws Exception {
    MastodonParser real = new MastodonParser("botsin.space", "masto");
    int statuses = 0;
    int deletes = 0;
    for (int i = 1; i <= 6; i++) {
      String event = Files.readString(Fixtures.shared("mastodon_streaming_flodgatt/msg.event_txt_00" + i + ".txt"));
      MastodonParser.Event e = real.event(event);
      if (e instanceof MastodonParser.Status s) {
        statuses++;
        assertThat(s.mention().text()).isNotBlank().doesNotContain("<p>", "<span", "&amp;");
        assertThat(s.mention().author()).startsWith("@").contains("@");
      } else if (e instanceof MastodonParser.Delete) {
        deletes++;
      }
    }
    assertThat(statuses).isEqualTo(5);
    assertThat(deletes).isEqualTo(1);
  }

  @Test
  void shouldParseTheRealRestTimelinesOfBigboneWhenPresent() {
    List<Mention> page = parser.timeline(Fixtures.sharedText("mastodon_bigbone/public_timeline.json"));
    assertThat(page).isNotEmpty().allSatisfy(m -> {
      assertThat(m.id()).startsWith("mastodon:mastodon.example:");
      assertThat(m.text()).doesNotContain("</p>");
    });
    assertThat(parser.timeline(Fixtures.sharedText("mastodon_bigbone/tag_timeline.json"))).isNotEmpty();
  }
}
