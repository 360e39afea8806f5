package fr.communitydefender.console.access;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Access settings of the console. {@code publicUrl}: the address people use (e.g. https://veille.ville.fr), whose
 * host is allowed and whose origin is accepted; {@code allowedHosts}: further Host header values accepted (besides
 * localhost, 127.0.0.1 and ::1) — any other is refused (DNS rebinding); {@code secureCookies}: the session cookie
 * is marked Secure (set it behind TLS); {@code oidc}: an OpenID Connect provider, or null; {@code clock}: the time
 * of sessions, lock-outs and links (the system clock but in tests).
 */
public record AccessConfig(String publicUrl, List<String> allowedHosts, Duration idleTimeout,
    Duration absoluteTimeout, boolean secureCookies, OidcConfig oidc, Clock clock) {
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  public static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);

  public AccessConfig {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE : idleTimeout;
    absoluteTimeout = absoluteTimeout == null ? DEFAULT_ABSOLUTE : absoluteTimeout;
    clock = clock == null ? Clock.systemUTC() : clock;
    if (publicUrl != null) {
      URI u = URI.create(publicUrl);
      if (u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        throw new IllegalArgumentException("public URL: expected http(s)://host[:port], got '" + publicUrl + "'");
      }
    }
  }

  public static AccessConfig defaults() {
    return new AccessConfig(null, List.of(), null, null, false, null, null);
  }

  /** The Host header values accepted (lower case, without port). */
  public Set<String> hosts(String bindHost) {
    Set<String> out = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1", "[::1]"));
    if (bindHost != null && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
      out.add(bindHost.toLowerCase(Locale.ROOT));
    }
    if (publicUrl != null) {
      out.add(URI.create(publicUrl).getHost().toLowerCase(Locale.ROOT));
    }
    allowedHosts.forEach(h -> out.add(h.strip().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The origin of the public URL ({@code https://host[:port]}), or null. */
  public String publicOrigin() {
    if (publicUrl == null) {
      return null;
    }
    URI u = URI.create(publicUrl);
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
