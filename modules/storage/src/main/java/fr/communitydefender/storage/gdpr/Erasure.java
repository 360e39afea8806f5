package fr.communitydefender.storage.gdpr;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import fr.communitydefender.storage.mentions.MentionDocument;
import fr.communitydefender.storage.mentions.Pseudonymizer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours an erasure request (GDPR art. 17) for one author, and deletions at the source, without delete-by-query:
 * finds the mentions (by the author's pseudonymous key, or by id), deletes them by id in bulk, refreshes, and repeats
 * until none is left.
 */
public final class Erasure {
  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
  private static final int PAGE = 1000;

  private final ElasticsearchClient client;
  private final Pseudonymizer pseudonymizer;

  public Erasure(ElasticsearchClient client, Pseudonymizer pseudonymizer) {
    this.client = client;
    this.pseudonymizer = pseudonymizer;
  }

  /** The pseudonymous key of {@code author} (a handle), as stored; null for a blank handle. */
  public String authorKey(String author) {
    return pseudonymizer.key(author);
  }

  /** Deletes every stored mention of {@code author} (a handle); returns how many were deleted. */
  public long eraseAuthor(String author) throws IOException {
    String key = pseudonymizer.key(author);
    if (key == null) {
      throw new IllegalArgumentException("author: required");
    }
    long deleted = deleteAll(Query.of(q -> q.term(t -> t.field("authorKey").value(key))));
    LOG.atInfo().addKeyValue("authorKey", key).addKeyValue("deleted", deleted).log("author erased");
    return deleted;
  }

  /**
   * Deletes the stored mentions with these ids (their authors deleted the posts at the source); returns how many
   * were found. Refreshes first, so mentions indexed a moment ago are found too.
   */
  public long deleteMentions(List<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return 0;
    }
    client.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true)
        .allowNoIndices(true));
    long deleted = deleteAll(Query.of(q -> q.ids(i -> i.values(ids))));
    LOG.atInfo().addKeyValue("requested", ids.size()).addKeyValue("deleted", deleted)
        .log("mentions deleted at the source removed");
    return deleted;
  }

  private long deleteAll(Query query) throws IOException {
    long deleted = 0;
    for (int round = 0; round < 10_000; round++) {
      SearchResponse<Map> found = client.search(s -> s.index(MentionDocument.INDEX_PATTERN)
          .ignoreUnavailable(true).allowNoIndices(true)
          .query(query).size(PAGE).source(src -> src.fetch(false)),
          Map.class);
      List<Hit<Map>> hits = found.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      List<BulkOperation> ops = hits.stream()
          .map(h -> BulkOperation.of(o -> o.delete(d -> d.index(h.index()).id(h.id())))).toList();
      BulkResponse response = client.bulk(b -> b.operations(ops));
      if (response.errors()) {
        throw new IOException("erasure: some deletions failed: " + response.items().stream()
            .filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
      }
      deleted += hits.size();
      client.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN));
    }
    return deleted;
  }
}
