package fr.communitydefender.domain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The installation's secret keys (pseudonymisation, acknowledgement links): read, or created (32 random bytes, 600). */
public final class KeyFiles {
  private KeyFiles() {}

  public static byte[] readOrCreate(Path keyFile) {
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
      byte[] key = Files.readAllBytes(keyFile);
      if (key.length < 16) {
        throw new IllegalArgumentException("key " + keyFile + ": shorter than 16 bytes");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("key " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
