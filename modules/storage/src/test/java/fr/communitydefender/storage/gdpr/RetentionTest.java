package fr.communitydefender.storage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.storage.mentions.MentionDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Daily indices and their expiry at every instant of {@code AnyDay} (year ends, a leap day, the clock changes). */
class RetentionTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("fr.communitydefender.domain.time.AnyDay#instants")
  void shouldKeepExactlyTheRetentionDaysOfIndicesWhateverTheDay(String label, Instant now) {
    String today = MentionDocument.indexFor(now);
    String oldestKept = MentionDocument.indexFor(now.minus(Duration.ofDays(90)));
    String firstExpired = MentionDocument.indexFor(now.minus(Duration.ofDays(91)));
    String older = MentionDocument.indexFor(now.minus(Duration.ofDays(400)));
    List<String> indices = List.of(today, oldestKept, firstExpired, older, "cd-incidents", "cd-mentions-garbage");

    assertThat(Retention.expired(indices, java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), 90))
        .containsExactlyInAnyOrder(firstExpired, older);
    assertThat(Retention.dayOf(today)).contains(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
  }

  @org.junit.jupiter.api.Test
  void shouldNameTheIndexAfterTheUtcDayOfTheMention() {
    assertThat(MentionDocument.indexFor(Instant.parse("2026-12-31T22:59:00Z"))).endsWith("2026.12.31");
    assertThat(MentionDocument.indexFor(Instant.parse("2026-12-31T23:00:00Z"))).endsWith("2026.12.31");
    assertThat(MentionDocument.indexFor(Instant.parse("2027-01-01T00:00:00Z"))).endsWith("2027.01.01");
    assertThat(MentionDocument.indexFor(Instant.parse("2028-02-29T12:00:00Z"))).endsWith("2028.02.29");
  }
}
