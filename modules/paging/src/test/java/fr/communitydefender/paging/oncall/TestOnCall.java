package fr.communitydefender.paging.oncall;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test on-call file, written to {@code dir} with its secret file; {@code edit} may change the YAML first. */
public final class TestOnCall {
  private TestOnCall() {}

  public static Path write(Path dir, java.util.function.UnaryOperator<String> edit) throws Exception {
    Path token = Files.writeString(dir.resolve("twilio.token"), "tw-s3cret\n");
    String yaml;
    try (InputStream in = TestOnCall.class.getResourceAsStream("/oncall-test.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.writeString(dir.resolve("oncall.yaml"), edit.apply(yaml.replace("TOKEN", token.toString())));
  }

  public static OnCallConfig load(Path dir) throws Exception {
    return OnCallConfig.load(write(dir, s -> s));
  }
}
