package fr.communitydefender.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir
  Path dir;

  @Test
  void shouldCreateAKeyOnlyItsOwnerCanReadAndReadItBack() throws Exception {
    Path key = dir.resolve("secrets/ack.key");
    byte[] created = KeyFiles.readOrCreate(key);
    assertThat(created).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(KeyFiles.readOrCreate(key)).isEqualTo(created);
    try (var files = Files.list(key.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ack.key");
    }
  }

  @Test
  void shouldRefuseAKeyFileOthersCanRead() throws Exception {
    Path key = dir.resolve("pseudonym.key");
    Files.write(key, new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> KeyFiles.readOrCreate(key)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("readable or writable by others (mode rw-r--r--)").hasMessageContaining("chmod 600");
  }

  @Test
  void shouldGiveTheSameKeyToProcessesStartingTogether() throws Exception {
    Path key = dir.resolve("race/ack.key");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<byte[]>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> KeyFiles.readOrCreate(key));
      }
      List<byte[]> keys = new ArrayList<>();
      for (Future<byte[]> f : pool.invokeAll(tasks)) {
        keys.add(f.get());
      }
      assertThat(keys).allSatisfy(k -> assertThat(k).isEqualTo(keys.get(0)));
    } finally {
      pool.shutdownNow();
    }
  }
}
