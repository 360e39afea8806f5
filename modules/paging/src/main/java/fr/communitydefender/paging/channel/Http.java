package fr.communitydefender.paging.channel;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for an HTTP provider's answer from the pager's thread. */
final class Http {
  private Http() {}

  static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> f, String provider) throws ChannelSender.SendException {
    try {
      return f.toCompletionStage().toCompletableFuture().get(35, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new ChannelSender.SendException(provider + ": " + (e.getCause() == null ? e : e.getCause().getMessage()),
          true);
    } catch (TimeoutException e) {
      throw new ChannelSender.SendException(provider + ": no answer within 35 s", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelSender.SendException("interrupted", true);
    }
  }

  static JsonObject jsonOrEmpty(HttpResponse<Buffer> resp) {
    try {
      JsonObject o = resp.bodyAsJsonObject();
      return o == null ? new JsonObject() : o;
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }
}
