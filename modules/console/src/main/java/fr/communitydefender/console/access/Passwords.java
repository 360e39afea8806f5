package fr.communitydefender.console.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing (Argon2id, OWASP's parameters: 19 MiB, 2 passes, 1 lane; PHC string format) and the password policy:
 * at least {@link #MIN_LENGTH} characters, at most 128, not the user name, not among the common passwords shipped
 * with the console ({@code common-passwords.txt}, compared case-insensitively without digits and punctuation at the
 * ends). Hashing takes tens of milliseconds: call it on a worker thread, never on the event loop.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  private static final int MEMORY_KB = 19_456;
  private static final int ITERATIONS = 2;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> COMMON = load();

  private Passwords() {}

  private static Set<String> load() {
    try (InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Passwords::core).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower case, without the digits and punctuation people add at the ends ("Azerty123!" → "azerty"). */
  private static String core(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
  }

  /** Null when {@code password} may be used by {@code username}, else why not. */
  public static String problem(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "password: at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > 128) {
      return "password: at most 128 characters";
    }
    String c = core(password);
    if (c.isEmpty() || COMMON.contains(c) || COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return "password: too common, choose another (a short sentence works well)";
    }
    if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return "password: must not contain the user name";
    }
    if (password.chars().distinct().count() < 5) {
      return "password: too repetitive";
    }
    return null;
  }

  /** The hash of a password the policy accepts for {@code username}; else IllegalArgumentException saying why. */
  public static String checkedHash(String username, String password) {
    String problem = problem(username, password);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return hash(password);
  }

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KB, ITERATIONS, 1, 32);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + MEMORY_KB + ",t=" + ITERATIONS + ",p=1$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(out);
  }

  /** Whether {@code password} matches the PHC string {@code hash}; false for anything malformed. */
  public static boolean verify(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    try {
      String[] parts = hash.split("\\$");
      if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
        return false;
      }
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        int v = Integer.parseInt(kv.substring(2));
        switch (kv.charAt(0)) {
          case 'm' -> m = v;
          case 't' -> t = v;
          case 'p' -> p = v;
          default -> {
            return false;
          }
        }
      }
      if (m < 8 || m > 1 << 20 || t < 1 || t > 10 || p < 1 || p > 4) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int memoryKb, int iterations, int lanes, int length) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKb).withIterations(iterations).withParallelism(lanes).withSalt(salt).build());
    byte[] out = new byte[length];
    g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
