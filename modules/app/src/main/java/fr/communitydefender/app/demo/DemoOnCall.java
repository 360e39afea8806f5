package fr.communitydefender.app.demo;

import fr.communitydefender.paging.oncall.OnCallConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo on-call file, written under {@code dataDir/demo/} with the mail catcher's port and the console's URL. */
public final class DemoOnCall {
  private DemoOnCall() {}

  public static OnCallConfig load(Path dataDir, int mailPort, String consoleUrl) {
    Path file = dataDir.resolve("demo").resolve("oncall.yaml");
    try (InputStream in = DemoOnCall.class.getResourceAsStream("/demo/oncall.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("MAIL_PORT", Integer.toString(mailPort)).replace("CONSOLE_URL", consoleUrl);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return OnCallConfig.load(file);
  }
}
