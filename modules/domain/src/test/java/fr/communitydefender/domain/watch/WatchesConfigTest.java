package fr.communitydefender.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchesConfigTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("watches.yaml"), yaml);
  }

  @Test
  void shouldLoadWatchesWhenFileIsValid() throws IOException {
    WatchesConfig c = WatchesConfig.load(write("""
        watches:
          - id: ville
            any: [sainte-aure]
        """));
    assertThat(c.watches()).singleElement().satisfies(w -> {
      assertThat(w.id()).isEqualTo("ville");
      assertThat(w.name()).isEqualTo("ville");
    });
  }

  @Test
  void shouldNameFileLineAndFieldWhenWatchHasNoTerms() throws IOException {
    Path f = write("""
        watches:
          - id: ville
            none: [x]
        """);
    assertThatThrownBy(() -> WatchesConfig.load(f)).isInstanceOf(ConfigException.class)
        .hasMessage(f + ":2:5: watches[0].any: a watch needs at least one 'any' or 'all' term");
  }

  @Test
  void shouldRejectDuplicateIdsWhenTwoWatchesShareOne() throws IOException {
    Path f = write("""
        watches:
          - id: ville
            any: [a]
          - id: ville
            any: [b]
        """);
    assertThatThrownBy(() -> WatchesConfig.load(f))
        .hasMessage(f + ":4:5: watches[1].id: duplicate watch id 'ville'");
  }

  @Test
  void shouldRejectUnknownKeyWhenMisspelt() throws IOException {
    Path f = write("""
        watches:
          - id: ville
            anyy: [a]
        """);
    assertThatThrownBy(() -> WatchesConfig.load(f))
        .hasMessage(f + ":3:5: watches[0].anyy: unknown key (allowed: all, any, id, name, none)");
  }
}
