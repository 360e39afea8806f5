package fr.communitydefender.app.start;

import fr.communitydefender.storage.StorageConfig;
import java.nio.file.Path;

/**
 * Elasticsearch for a run: {@code url} null starts the embedded node (home {@code esHome}, HTTP port {@code esPort},
 * 0 = any free port) with its data under the data directory; otherwise credentials and CA apply to that cluster.
 * {@code keyFile} holds the pseudonymisation secret (shared by every instance of an installation).
 */
public record StorageOptions(String url, String apiKey, String username, String password, Path caFile,
    Path esHome, int esPort, int retentionDays, Integer replicas, Path keyFile) {
  public StorageOptions {
    if (retentionDays < 1) {
      throw new IllegalArgumentException("--retention-days: must be at least 1");
    }
    if (url != null) {
      new StorageConfig(url, apiKey, username, password, caFile, retentionDays, replicas == null ? 1 : replicas);
    }
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  public StorageConfig config(String effectiveUrl) {
    return embedded() ? StorageConfig.local(effectiveUrl, retentionDays)
        : new StorageConfig(url, apiKey, username, password, caFile, retentionDays, replicas == null ? 1 : replicas);
  }

  /** Embedded node on a free port, default retention: for tests. */
  public static StorageOptions embeddedForTests(Path dataDir) {
    return new StorageOptions(null, null, null, null, null, null, 0, StorageConfig.DEFAULT_RETENTION_DAYS, null,
        dataDir.resolve("secrets/pseudonym.key"));
  }
}
