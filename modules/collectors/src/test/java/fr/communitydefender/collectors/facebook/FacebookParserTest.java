package fr.communitydefender.collectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FacebookParserTest {
  private final FacebookParser parser = new FacebookParser("fb-ville");

  @Test
  void shouldReadAFeedPageKeepingTheNextPageAndSettingAsideEntriesWithoutId() {
    FacebookParser.Page page = parser.parse(Fixtures.ours("facebook/feed.json"), null);
    assertThat(page.mentions()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("facebook:123_456");
      assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-11-29T09:40:00Z"));
      assertThat(m.author()).isEqualTo("Ville de Sainte-Aure");
      assertThat(m.url()).isEqualTo("https://www.facebook.com/123/posts/456");
      assertThat(m.details().kind()).isEqualTo(MentionDetails.Kind.POST);
    });
    assertThat(page.rejected()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo("entry without id");
      assertThat(r.payload()).contains("Sans identifiant");
    });
    assertThat(page.next()).isEqualTo("https://graph.facebook.com/v21.0/123/feed?after=a1");
  }

  @Test
  void shouldReadCommentsAsRepliesToTheirPostOrParentComment() {
    FacebookParser.Page page = parser.parse(Fixtures.ours("facebook/comments.json"), "facebook:123_456");
    assertThat(page.mentions()).extracting(m -> m.details().inReplyTo())
        .containsExactly("facebook:123_456", "facebook:456_789");
    assertThat(page.mentions().get(1).author()).as("from not given").isNull();
    assertThat(page.next()).isNull();
  }

  @Test
  void shouldReportGraphErrors() {
    assertThatThrownBy(() -> parser.parse("{\"error\":{\"message\":\"Invalid OAuth access token.\",\"code\":190}}",
        null)).hasMessage("Graph API error: Invalid OAuth access token.");
  }

  @Test
  void shouldReadTheRealGraphPagesWhenPresent() {
    FacebookParser.Page feed = parser.parse(Fixtures.sharedText("facebook_graph_pyfacebook/posts/feed_fields_p1.json"), null);
    assertThat(feed.mentions()).hasSize(5);
    assertThat(feed.next()).contains("until=");
    FacebookParser.Page comments = parser.parse(
        Fixtures.sharedText("facebook_graph_pyfacebook/comments/comments_p1.json"), "facebook:19292868552_10158407654328553");
    assertThat(comments.rejected()).as("ids taken from the permalinks").isEmpty();
    assertThat(comments.mentions()).first().satisfies(m -> assertThat(m.id()).isEqualTo("facebook:10158407835073553"));
  }
}
