package fr.communitydefender.storage.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import fr.communitydefender.storage.StorageMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents with the bulk API and checks every item: items that may succeed later (429, 5xx, rejected
 * execution, unavailable shards) are retried with backoff until they pass, whole requests that fail without an answer
 * or with 408/429/5xx (node down or slow) are retried the same way, a request too large (413) is split in two; items
 * that can never pass (a bad document, a request refused with another 4xx) are returned as rejected, with the reason.
 * Index operations with explicit ids make retries idempotent.
 */
public final class BulkWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final Set<String> RETRYABLE_TYPES = Set.of("es_rejected_execution_exception",
      "unavailable_shards_exception", "cluster_block_exception", "no_shard_available_action_exception");

  /**
   * One document to write: replaced whole, or — {@code merge} — merged field by field into what is stored, so two
   * writers of one document need no ordering. A merged document is first sent as a {@code create}: almost always
   * nothing is stored yet, and a create costs Elasticsearch a fraction of an update (which reads the stored document
   * first: a quarter of its indexing time under load); when one is there (409), it is sent again as an update with
   * {@code doc_as_upsert}.
   */
  public record Doc(String index, String id, Object source, String kind, boolean merge) {
    public Doc(String index, String id, Object source, String kind) {
      this(index, id, source, kind, false);
    }
  }

  /** A document refused for good. */
  public record Rejected(Doc doc, String reason) {}

  /** Called while the writer waits for Elasticsearch to come back (e.g. to keep a Kafka consumer alive). */
  @FunctionalInterface
  public interface Waiter {
    void waitMillis(long millis) throws InterruptedException;
  }

  private final ElasticsearchClient client;
  private final StorageMetrics metrics;
  private final Waiter waiter;
  private final long maxBackoffMillis;

  public BulkWriter(ElasticsearchClient client, StorageMetrics metrics, Waiter waiter, long maxBackoffMillis) {
    this.client = client;
    this.metrics = metrics;
    this.waiter = waiter;
    this.maxBackoffMillis = maxBackoffMillis;
  }

  /** Writes all documents; returns the ones refused for good. Blocks (retrying) while Elasticsearch is unavailable. */
  public List<Rejected> write(List<Doc> docs) throws InterruptedException {
    List<Rejected> rejected = new ArrayList<>();
    List<Doc> pending = docs;
    Set<Doc> stored = Collections.newSetFromMap(new IdentityHashMap<>());
    long backoff = 250;
    while (!pending.isEmpty()) {
      BulkResponse response;
      try {
        List<BulkOperation> ops = pending.stream().map(d -> op(d, stored.contains(d))).toList();
        response = metrics.bulkTimer().recordCallable(() -> client.bulk(b -> b.operations(ops)));
      } catch (Exception e) {
        if (e instanceof InterruptedException ie) {
          throw ie;
        }
        int status = statusOf(e);
        if (status == 413 && pending.size() > 1) {
          // request too large: write it in two halves
          int half = pending.size() / 2;
          rejected.addAll(write(pending.subList(0, half)));
          rejected.addAll(write(pending.subList(half, pending.size())));
          return rejected;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
          String reason = "bulk request refused: " + status + " " + e.getMessage();
          pending.forEach(d -> rejected.add(new Rejected(d, reason)));
          return rejected;
        }
        metrics.retried();
        metrics.paused(true);
        LOG.atWarn().addKeyValue("documents", pending.size()).addKeyValue("retryInMs", backoff)
            .addKeyValue("reason", String.valueOf(e.getMessage())).log("Elasticsearch unavailable, bulk paused");
        waiter.waitMillis(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMillis);
        continue;
      }
      metrics.paused(false);
      List<Doc> retry = new ArrayList<>();
      boolean wait = false;
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        Doc doc = pending.get(i);
        if (item.error() == null) {
          metrics.indexed(doc.kind(), 1);
        } else if (doc.merge() && item.status() == 409 && stored.add(doc)) {
          retry.add(doc); // created already: merged into it at once
        } else if (retryable(item)) {
          retry.add(doc);
          wait = true;
        } else {
          rejected.add(new Rejected(doc, item.status() + " " + item.error().type() + ": " + item.error().reason()));
        }
      }
      if (wait) {
        metrics.retried();
        LOG.atWarn().addKeyValue("items", retry.size()).addKeyValue("of", pending.size())
            .addKeyValue("retryInMs", backoff).log("Elasticsearch refused items for now, retrying them");
        waiter.waitMillis(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMillis);
      }
      pending = retry;
    }
    return rejected;
  }

  /** The HTTP status of a failed request, or 0 when no response came (node down, timeout). */
  static int statusOf(Exception e) {
    if (e instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException ee) {
      return ee.status();
    }
    if (e instanceof co.elastic.clients.transport.TransportException te) {
      return te.statusCode();
    }
    return 0;
  }

  private static boolean retryable(BulkResponseItem item) {
    return item.status() == 429 || item.status() >= 500 || RETRYABLE_TYPES.contains(item.error().type());
  }

  private static BulkOperation op(Doc doc, boolean stored) {
    if (doc.merge() && stored) {
      return BulkOperation.of(o -> o.update(u -> u.index(doc.index()).id(doc.id())
          .action(a -> a.doc(doc.source()).docAsUpsert(true))));
    }
    if (doc.merge()) {
      return BulkOperation.of(o -> o.create(c -> c.index(doc.index()).id(doc.id()).document(doc.source())));
    }
    return BulkOperation.of(o -> o.index(i -> i.index(doc.index()).id(doc.id()).document(doc.source())));
  }

}
