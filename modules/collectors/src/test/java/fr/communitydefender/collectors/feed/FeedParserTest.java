package fr.communitydefender.collectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.live.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  private final FeedParser parser = new FeedParser("echo");
  private final Instant now = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void shouldReadRssItemsWithTheirGuidDateAuthorAndPlainText() {
    List<FeedParser.Item> items = parser.parse(Fixtures.ours("feed/presse.rss").getBytes(StandardCharsets.UTF_8), now);
    assertThat(items).hasSize(2);
    var first = items.get(0).mention();
    assertThat(first.id()).startsWith("feed:echo:").hasSize("feed:echo:".length() + 32);
    assertThat(first.text()).isEqualTo("Inondations : la mairie ouvre un gymnase\n\n"
        + "Le gymnase Jean-Moulin accueille les sinistrés dès ce soir.");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-29T08:30:00Z"));
    assertThat(first.author()).isEqualTo("Claire Martin");
    assertThat(first.lang()).isEqualTo("fr");
    assertThat(first.details().nativeId()).isEqualTo("echo-48213");
    var second = items.get(1).mention();
    assertThat(second.author()).as("no author: the outlet").isEqualTo("L'Écho de Sainte-Aure");
    assertThat(second.text()).startsWith("Conseil municipal & budget 2027");
    assertThat(second.details().nativeId()).as("no guid: the link").isEqualTo("https://echo.example/2026/11/28/conseil");
  }

  @Test
  void shouldGiveTheSameKeyToTheSameItemAcrossFetches() {
    byte[] xml = Fixtures.ours("feed/presse.rss").getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(xml, now)).extracting(FeedParser.Item::key)
        .isEqualTo(parser.parse(xml, now.plusSeconds(600)).stream().map(FeedParser.Item::key).toList());
  }

  @Test
  void shouldReadAtomEntriesAndTheirUpdates() {
    var m = parser.parse(Fixtures.ours("feed/prefecture.atom").getBytes(StandardCharsets.UTF_8), now).get(0).mention();
    assertThat(m.text()).isEqualTo("Vigilance orange crues\n\nLe bassin de l'Aure est placé en vigilance orange.");
    assertThat(m.url()).isEqualTo("https://prefecture.example/vigilance-orange");
    assertThat(m.details().editedAt()).isEqualTo(Instant.parse("2026-11-29T09:45:00Z"));
  }

  @Test
  void shouldRefuseDoctypesAndNonFeeds() {
    assertThatThrownBy(() -> parser.parse(Fixtures.ours("feed/doctype.rss").getBytes(StandardCharsets.UTF_8), now))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an RSS/Atom feed");
    assertThatThrownBy(() -> parser.parse("<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8), now))
        .hasMessageStartingWith("not an RSS/Atom feed");
  }

  @Test
  void shouldReadTheRealFrenchFeedsWhenPresent() throws Exception {
    for (String f : List.of("feed-dcdate_reporterre_fr.xml", "feed-test-source_google_actualites_fr.xml",
        "atom-feed-youtube.xml")) {
      List<FeedParser.Item> items = parser.parse(Files.readAllBytes(Fixtures.shared("rss_prof18/" + f)), now);
      assertThat(items).as(f).isNotEmpty().allSatisfy(i -> {
        assertThat(i.mention().text()).isNotBlank().doesNotContain("<p>", "&#233;");
        assertThat(i.mention().publishedAt()).isBefore(now);
      });
    }
  }
}
