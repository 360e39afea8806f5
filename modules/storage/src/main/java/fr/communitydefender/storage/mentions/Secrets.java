package fr.communitydefender.storage.mentions;

import fr.communitydefender.domain.config.KeyFiles;
import java.nio.file.Path;

/** The installation's pseudonymisation secret: read from a file, created (32 random bytes, mode 600) if absent. */
public final class Secrets {
  private Secrets() {}

  public static Pseudonymizer pseudonymizer(Path keyFile) {
    try {
      return new Pseudonymizer(KeyFiles.readOrCreate(keyFile));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pseudonymisation key " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
