package fr.communitydefender.app.start;

import static org.awaitility.Awaitility.await;

import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.console.access.Sessions;
import fr.communitydefender.domain.access.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The console's API as its page calls it, signed in as an account the test creates on the cluster: same-origin
 * {@code Origin}, JSON bodies, the session cookie.
 */
final class ConsoleClient {
  static final String PASSWORD = "mot de passe des tests";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final int port;
  private final String cookie;

  private ConsoleClient(int port, String cookie) {
    this.port = port;
    this.cookie = cookie;
  }

  /** Creates the account if missing, then signs in (waiting for the console to see the account). */
  static ConsoleClient signIn(Assembly core, String username, Role... roles) {
    AccountAdmin.createMissing(core.bootstrapServers(), List.of(new AccountAdmin.NewAccount(username, username,
        Set.of(roles), PASSWORD)), "test");
    String[] cookie = new String[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + core.consolePort()
          + "/api/session")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
              + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
      cookie[0] = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "="))
          .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
      return r.statusCode() == 200;
    });
    return new ConsoleClient(core.consolePort(), cookie[0]);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookie)
        .header("Origin", "http://127.0.0.1:" + port);
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String path) throws Exception {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String json) throws Exception {
    return HTTP.send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws Exception {
    return HTTP.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A WebSocket to {@code /ws} with this session. */
  WebSocket webSocket(WebSocket.Listener listener) {
    return HTTP.newWebSocketBuilder().header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + port)
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener).join();
  }
}
