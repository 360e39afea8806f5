package fr.communitydefender.collectors.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test payloads: ours (committed under {@code src/test/resources/fixtures}, written from the sources' documented
 * formats) and real recorded ones under {@code api_fixtures/} of the local datasets folder (system property
 * {@code cd.datasets}, from {@code CD_DATASETS}; see docs/datasets.md); tests using them are skipped when absent.
 */
public final class Fixtures {
  private Fixtures() {}

  public static String ours(String path) {
    try (var in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A recorded payload of the local datasets folder; skips the test when it is not there. */
  public static Path shared(String path) {
    String root = System.getProperty("cd.datasets", "");
    assumeTrue(!root.isBlank() && !root.startsWith("${"), "CD_DATASETS not set: recorded API payloads skipped");
    Path file = Path.of(root, "api_fixtures", path);
    assumeTrue(Files.isRegularFile(file), "shared fixture absent: " + file);
    return file;
  }

  public static String sharedText(String path) {
    try {
      return Files.readString(shared(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
