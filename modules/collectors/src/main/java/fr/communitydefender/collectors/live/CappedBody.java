package fr.communitydefender.collectors.live;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A response body for the web client with a size limit: past {@code maxBytes} nothing more is kept and the request
 * fails with "body over the limit", so a source that sends an endless or enormous page cannot fill the heap.
 */
public final class CappedBody implements BodyCodec<Buffer> {
  /** Default for API pages (a Mastodon or Graph page of 40–100 posts is a few hundred kB). */
  public static final long DEFAULT_MAX = 8L * 1024 * 1024;
  private final long maxBytes;

  private CappedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public static CappedBody of(long maxBytes) {
    return new CappedBody(maxBytes);
  }

  @Override
  public BodyStream<Buffer> stream() {
    return new BodyStream<>() {
      private final Buffer body = Buffer.buffer();
      private final Promise<Buffer> result = Promise.promise();
      private boolean over;

      @Override
      public Future<Buffer> result() {
        return result.future();
      }

      @Override
      public void handle(Throwable failure) {
        result.tryFail(failure);
      }

      @Override
      public BodyStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
      }

      @Override
      public Future<Void> write(Buffer data) {
        if (!over && body.length() + data.length() > maxBytes) {
          over = true;
          result.tryFail(new IllegalStateException("body over the limit of " + maxBytes + " bytes"));
        }
        if (!over) {
          body.appendBuffer(data);
        }
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> end() {
        result.tryComplete(body);
        return Future.succeededFuture();
      }

      @Override
      public BodyStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
      }

      @Override
      public boolean writeQueueFull() {
        return false;
      }

      @Override
      public BodyStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
      }
    };
  }
}
