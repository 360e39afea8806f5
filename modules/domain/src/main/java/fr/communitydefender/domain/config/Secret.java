package fr.communitydefender.domain.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credential named in the configuration, never written in it: {@code {env: NAME}} reads an environment variable,
 * {@code {file: /run/secrets/x}} a file (trimmed). Read when the collector starts; never logged ({@link #toString}).
 */
public record Secret(String env, String file) {
  public Secret {
    if ((env == null) == (file == null)) {
      throw new FieldException("env", "give exactly one of 'env' (a variable name) or 'file' (a path)");
    }
  }

  public static Secret ofFile(Path path) {
    return new Secret(null, path.toString());
  }

  /** The secret's value; fails naming the variable or file (not the value) when it cannot be read. */
  public String value() {
    if (env != null) {
      String v = System.getenv(env);
      if (v == null || v.isBlank()) {
        throw new FieldException("env", "environment variable " + env + " is not set");
      }
      return v.trim();
    }
    try {
      String v = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
      if (v.isEmpty()) {
        throw new FieldException("file", "secret file " + file + " is empty");
      }
      return v;
    } catch (IOException e) {
      throw new FieldException("file", "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return env != null ? "Secret[env=" + env + "]" : "Secret[file=" + file + "]";
  }

  /**
   * Checks at load time that {@code secret} (written under {@code field}) can be read; null is allowed unless
   * {@code required}.
   */
  public static Secret check(Secret secret, String field, boolean required) {
    if (secret == null) {
      if (required) {
        throw new FieldException(field, "required ({env: NAME} or {file: PATH})");
      }
      return null;
    }
    try {
      secret.value();
    } catch (FieldException e) {
      throw new FieldException(field + "." + e.field(), e.detail());
    }
    return secret;
  }
}
