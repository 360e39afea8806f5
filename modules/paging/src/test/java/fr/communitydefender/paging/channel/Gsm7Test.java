package fr.communitydefender.paging.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Test {
  @Test
  void shouldKeepTheAccentsTheAlphabetHasAndReplaceTheOthers() {
    assertThat(Gsm7.encode("Évacuation à Sainte-Aure : élèves, crèche")).isEqualTo("Évacuation à Sainte-Aure : élèves, crèche");
    assertThat(Gsm7.encode("Fenêtre, forêt, maïs, garçon, cœur, « ça » — l’été…"))
        .isEqualTo("Fenetre, foret, mais, garcon, coeur, \" ca \" - l'été...");
    assertThat(Gsm7.encode("emoji 🌊")).isEqualTo("emoji ??");
  }

  @Test
  void shouldCountExtensionCharactersTwiceAndSplitIntoPartsOf153() {
    assertThat(Gsm7.septets("a€[b")).isEqualTo(6);
    assertThat(Gsm7.parts("x".repeat(160))).hasSize(1);
    assertThat(Gsm7.parts("x".repeat(161))).extracting(String::length).containsExactly(153, 8);
    assertThat(Gsm7.parts("x".repeat(152) + "€" + "y".repeat(10))).as("an escape is never split")
        .extracting(String::length).containsExactly(152, 11);
  }

  @Test
  void shouldWriteAndReadUnpackedSeptets() {
    byte[] bytes = Gsm7.toBytes("@é€");
    assertThat(bytes).containsExactly(0x00, 0x05, 0x1B, 0x65);
    assertThat(Gsm7.fromBytes(bytes)).isEqualTo("@é€");
  }
}
