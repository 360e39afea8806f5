package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian package, installed by scripts/test) rendering a console page: the DOM after its scripts ran. */
final class Chromium {
  static final String BINARY = "/usr/bin/chromium";

  private Chromium() {}

  static String dumpDom(Path workDir, int port, String path) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium");
    Process p = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--virtual-time-budget=8000", "--dump-dom",
        "http://127.0.0.1:" + port + path)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return dom;
  }
}
