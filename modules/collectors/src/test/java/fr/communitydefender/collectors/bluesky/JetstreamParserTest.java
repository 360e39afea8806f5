package fr.communitydefender.collectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JetstreamParserTest {
  private final JetstreamParser parser = new JetstreamParser("bsky");
  private final List<String> events = Fixtures.ours("bluesky/jetstream.jsonl").lines().toList();

  @Test
  void shouldTurnACreatedPostIntoAMentionWithItsAtProtoIds() {
    var post = (JetstreamParser.Post) parser.event(events.get(0));
    assertThat(post.mention().id()).isEqualTo("bluesky:did:plc:aaa/3kaaa1");
    assertThat(post.mention().url()).isEqualTo("https://bsky.app/profile/did:plc:aaa/post/3kaaa1");
    assertThat(post.mention().publishedAt()).isEqualTo(Instant.parse("2026-11-29T09:00:00.500Z"));
    assertThat(post.mention().lang()).isEqualTo("fr");
    assertThat(post.mention().author()).isEqualTo("did:plc:aaa");
    assertThat(post.timeUs()).isEqualTo(1795942801000000L);
  }

  @Test
  void shouldReadHashtagsRepliesAndQuotes() {
    assertThat(((JetstreamParser.Post) parser.event(events.get(2))).hashtags()).containsExactly("sainteaure");
    var reply = ((JetstreamParser.Post) parser.event(events.get(3))).mention().details();
    assertThat(reply.kind()).isEqualTo(MentionDetails.Kind.REPLY);
    assertThat(reply.inReplyTo()).isEqualTo("bluesky:did:plc:aaa/3kaaa1");
    var quote = ((JetstreamParser.Post) parser.event(events.get(4))).mention();
    assertThat(quote.details().kind()).isEqualTo(MentionDetails.Kind.QUOTE);
    assertThat(quote.details().quoteOf()).isEqualTo("bluesky:did:plc:aaa/3kaaa1");
    assertThat(quote.publishedAt()).as("a createdAt in the future falls back to the relay's time")
        .isEqualTo(Instant.parse("2026-11-29T09:00:05Z"));
  }

  @Test
  void shouldMarkUpdatesAsEditsAndReadDeletes() {
    var update = ((JetstreamParser.Post) parser.event(events.get(5))).mention();
    assertThat(update.id()).isEqualTo("bluesky:did:plc:aaa/3kaaa1");
    assertThat(update.details().editedAt()).isEqualTo(Instant.parse("2026-11-29T09:00:06Z"));
    assertThat(parser.event(events.get(6))).isEqualTo(new JetstreamParser.Delete(1795942807000000L,
        "bluesky:did:plc:aaa/3kaaa1"));
  }

  @Test
  void shouldLetOtherEventsMoveTheCursorAndRejectBrokenOnes() {
    assertThat(parser.event(events.get(7))).isEqualTo(new JetstreamParser.Other(1795942808000000L));
    assertThatThrownBy(() -> parser.event(events.get(8))).hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> parser.event(events.get(9))).hasMessage("create of a post without a record text");
  }

  @Test
  void shouldParseEveryRealJetstreamEventWhenPresent() {
    List<String> real = Fixtures.sharedText("bluesky_jetstream/expected_v1.jsonl").lines().toList();
    long posts = real.stream().map(parser::event).filter(e -> e instanceof JetstreamParser.Post).count();
    long others = real.stream().map(parser::event).filter(e -> e instanceof JetstreamParser.Other).count();
    assertThat(posts).isPositive();
    assertThat(posts + others + real.stream().map(parser::event).filter(e -> e instanceof JetstreamParser.Delete)
        .count()).isEqualTo(real.size());
  }
}
