package fr.communitydefender.domain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The installation's secret keys (pseudonymisation, acknowledgement links): read, or created — 32 random bytes,
 * written to a file that is mode 600 from its first byte (a temporary file created with that mode, then linked to its
 * name, which fails if another process created the key first: both then use the same key). An existing key file that
 * its group or others may read or write is refused.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> LOOSE = Set.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private KeyFiles() {}

  public static byte[] readOrCreate(Path keyFile) {
    try {
      if (!Files.exists(keyFile)) {
        create(keyFile);
      }
      Set<PosixFilePermission> perms = permissions(keyFile);
      if (perms != null && perms.stream().anyMatch(LOOSE::contains)) {
        throw new IllegalStateException("key " + keyFile + ": readable or writable by others (mode "
            + PosixFilePermissions.toString(perms) + "); restrict it: chmod 600 " + keyFile);
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

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return null; // not a POSIX file system
    }
  }

  private static void create(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path tmp;
    try {
      FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------"));
      tmp = Files.createTempFile(dir, ".key-", ".tmp", owner);
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(dir, ".key-", ".tmp");
    }
    try {
      Files.write(tmp, key);
      Files.createLink(keyFile, tmp);
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
