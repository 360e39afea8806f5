package fr.communitydefender.collectors.live;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A GET for collectors that reach addresses written in configuration or sent by a source: the body is read up to
 * {@code maxBytes} (then the request is reset), redirects are followed by hand (at most {@value #MAX_REDIRECTS}), and
 * every URL — the first and each redirect — must be http(s) to a host whose addresses are all public unless
 * {@code allowPrivate}: loopback, private (RFC 1918, unique-local), link-local (cloud metadata), carrier-grade NAT,
 * unspecified and multicast addresses are refused (blind SSRF). The check resolves the name before connecting; a
 * name that resolves differently a moment later is not caught.
 */
public final class SafeFetch {
  public static final int MAX_REDIRECTS = 5;

  /** A response read whole (within the limit). */
  public record Response(int status, MultiMap headers, Buffer body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private SafeFetch() {}

  /** Whether an address may not be reached from configuration or a source's redirect without {@code allowPrivate}. */
  static boolean restricted(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }
    return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
  }

  /** Null when {@code url} may be fetched, else why not. Blocking (name resolution): call it off the event loop. */
  static String check(String url, boolean allowPrivate) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return "invalid URL " + url;
    }
    if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
        || u.getHost() == null) {
      return "only http(s) URLs with a host may be fetched: " + url;
    }
    if (allowPrivate) {
      return null;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(u.getHost())) {
        if (restricted(a)) {
          return "address " + a.getHostAddress() + " of " + u.getHost() + " is private, loopback or link-local "
              + "(set allow_private: true to reach it)";
        }
      }
    } catch (UnknownHostException e) {
      return "unknown host " + u.getHost();
    }
    return null;
  }

  public static Future<Response> get(Vertx vertx, HttpClient client, String url, MultiMap headers, long maxBytes,
      boolean allowPrivate) {
    return get(vertx, client, url, headers, maxBytes, allowPrivate, MAX_REDIRECTS);
  }

  private static Future<Response> get(Vertx vertx, HttpClient client, String url, MultiMap headers, long maxBytes,
      boolean allowPrivate, int redirectsLeft) {
    return vertx.executeBlocking(() -> check(url, allowPrivate), false).compose(problem -> {
      if (problem != null) {
        return Future.failedFuture(problem);
      }
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
          .setFollowRedirects(false).setHeaders(headers);
      return client.request(options).compose(req -> req.send()).compose(resp -> {
        String location = resp.getHeader("Location");
        if (resp.statusCode() >= 301 && resp.statusCode() <= 308 && resp.statusCode() != 304 && location != null) {
          resp.request().reset();
          if (redirectsLeft <= 0) {
            return Future.failedFuture("more than " + MAX_REDIRECTS + " redirects from " + url);
          }
          return get(vertx, client, URI.create(url).resolve(location).toString(), headers, maxBytes, allowPrivate,
              redirectsLeft - 1);
        }
        return read(resp, maxBytes);
      });
    });
  }

  private static Future<Response> read(HttpClientResponse resp, long maxBytes) {
    String length = resp.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
      resp.request().reset();
      return Future.failedFuture("body of " + length + " bytes over the limit of " + maxBytes);
    }
    Promise<Response> p = Promise.promise();
    Buffer body = Buffer.buffer();
    resp.handler(chunk -> {
      if (body.length() + chunk.length() > maxBytes) {
        p.tryFail("body over the limit of " + maxBytes + " bytes"); // first: the reset reports an error of its own
        resp.request().reset();
      } else {
        body.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(e -> p.tryFail(e));
    resp.endHandler(v -> p.tryComplete(new Response(resp.statusCode(), resp.headers(), body)));
    return p.future();
  }
}
