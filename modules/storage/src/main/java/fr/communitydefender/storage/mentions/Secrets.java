package fr.communitydefender.storage.mentions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The installation's pseudonymisation secret: read from a file, created (32 random bytes, mode 600) if absent. */
public final class Secrets {
  private Secrets() {}

  public static Pseudonymizer pseudonymizer(Path keyFile) {
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(keyFile, key);
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
      }
      return new Pseudonymizer(Files.readAllBytes(keyFile));
    } catch (IOException e) {
      throw new UncheckedIOException("pseudonymisation key " + keyFile + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pseudonymisation key " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
