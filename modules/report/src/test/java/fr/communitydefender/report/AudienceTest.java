package fr.communitydefender.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceTest {
  private final Audience outside = new Audience(new ReportOptions("fr", true, List.of("@Mairie_SainteAure")));
  private final Audience team = new Audience(new ReportOptions("fr", false, List.of()));

  @Test
  void shouldMaskHandlesAndLinksButKeepInstitutionalAccountsForOutsideReaders() {
    String text = "@jean.dupont et @alice@mastodon.social demandent à @mairie_sainteaure : https://x.example/p?q=1 "
        + "www.exemple.fr — écrire à contact@ville.fr";
    assertThat(outside.text(text)).isEqualTo("@••• et @••• demandent à @mairie_sainteaure : [lien] [lien] — écrire à "
        + "contact@ville.fr");
    assertThat(outside.author("a1b2c3d4e5f6a7b8")).isEqualTo("auteur-a1b2c3d4");
    assertThat(outside.url("https://x.example/p/1")).isNull();
  }

  @Test
  void shouldKeepTextsKeysAndLinksForTheTeam() {
    assertThat(team.text("@jean https://x.example")).isEqualTo("@jean https://x.example");
    assertThat(team.author("a1b2c3d4e5f6a7b8")).isEqualTo("a1b2c3d4e5f6a7b8");
    assertThat(team.url("https://x.example/p/1")).isEqualTo("https://x.example/p/1");
  }
}
