package fr.communitydefender.storage;

import java.nio.file.Path;

/**
 * How to reach Elasticsearch and what to keep: {@code url} of the cluster, optional credentials (an API key, or a
 * user and password) and CA file (PEM) for TLS, {@code retentionDays} of mentions (whole daily indices), replicas of
 * new indices (0 for the single embedded node).
 */
public record StorageConfig(String url, String apiKey, String username, String password, Path caFile,
    int retentionDays, int replicas) {
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public StorageConfig {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("elasticsearch url: expected http(s)://host:port, got '" + url + "'");
    }
    if (apiKey != null && username != null) {
      throw new IllegalArgumentException("elasticsearch: give an API key or a user, not both");
    }
    if (username != null && password == null) {
      throw new IllegalArgumentException("elasticsearch: a password is required with a user");
    }
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retention days: must be at least 1");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: must not be negative");
    }
  }

  /** The embedded node: plain HTTP, no credentials, no replicas. */
  public static StorageConfig local(String url, int retentionDays) {
    return new StorageConfig(url, null, null, null, null, retentionDays, 0);
  }
}
