package fr.communitydefender.domain.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CouranteTest {
  static List<CouranteEntry> chain(int n) {
    List<CouranteEntry> out = new ArrayList<>();
    String prev = CouranteEntry.GENESIS;
    for (int i = 1; i <= n; i++) {
      CouranteEntry e = CouranteEntry.chained("inc-1", i, Instant.parse("2026-12-02T21:00:00Z").plusSeconds(i),
          "rene", "note", "entrée " + i, Map.of("k", "v" + i), prev);
      out.add(e);
      prev = e.hash();
    }
    return out;
  }

  static CouranteEntry withText(CouranteEntry e, String text) {
    return new CouranteEntry(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), text, e.data(), e.prev(), e.hash());
  }

  @Test
  void shouldSayIntactWhenNothingChanged() {
    List<CouranteEntry> c = chain(5);
    Courante.Verification v = Courante.verify("inc-1", c, 5L, c.get(4).hash());
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
  }

  @Test
  void shouldFindTheChangedEntryWhenATextIsTamperedWith() {
    List<CouranteEntry> c = chain(5);
    c.set(2, withText(c.get(2), "entrée 3, réécrite"));
    Courante.Verification v = Courante.verify("inc-1", c, 5L, c.get(4).hash());
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(3);
    assertThat(v.reason()).contains("changed");
  }

  @Test
  void shouldFindTheBreakWhenAnEntryIsRewrittenWithAFreshHash() {
    List<CouranteEntry> c = chain(5);
    CouranteEntry e = c.get(1);
    c.set(1, CouranteEntry.chained(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), "autre", e.data(), e.prev()));
    Courante.Verification v = Courante.verify("inc-1", c, 5L, c.get(4).hash());
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(3);
    assertThat(v.reason()).contains("does not follow");
  }

  @Test
  void shouldFindARemovedEntry() {
    List<CouranteEntry> c = chain(5);
    c.remove(3);
    Courante.Verification v = Courante.verify("inc-1", c, 5L, null);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(4);
    assertThat(v.reason()).contains("missing");
  }

  @Test
  void shouldFindAnInsertedEntry() {
    List<CouranteEntry> c = chain(5);
    c.add(2, CouranteEntry.chained("inc-1", 3, c.get(1).at(), "mallory", "note", "ajout", Map.of(), c.get(1).hash()));
    Courante.Verification v = Courante.verify("inc-1", c, 5L, null);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(4);
  }

  @Test
  void shouldFindEntriesRemovedFromTheEndWhenTheRoomsHeadIsKnown() {
    List<CouranteEntry> c = chain(5);
    String head = c.get(4).hash();
    Courante.Verification v = Courante.verify("inc-1", c.subList(0, 3), 5L, head);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(4);
    assertThat(v.reason()).contains("4 to 5");
  }

  @Test
  void shouldChangeTheHashWhenAnyFieldChanges() {
    CouranteEntry e = chain(1).get(0);
    assertThat(CouranteEntry.chained("inc-1", 1, e.at(), "rene", "note", "entrée 1", Map.of("k", "v2"), e.prev()).hash())
        .isNotEqualTo(e.hash());
    assertThat(CouranteEntry.chained("inc-1", 1, e.at(), "renee", "note", "entrée 1", Map.of("k", "v1"), e.prev())
        .hash()).isNotEqualTo(e.hash());
    assertThat(CouranteEntry.chained("inc-1", 1, e.at(), "rene", "note", "entrée 1", Map.of("k", "v1"), e.prev())
        .hash()).isEqualTo(e.hash());
  }
}
