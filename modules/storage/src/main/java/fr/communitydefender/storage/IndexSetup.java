package fr.communitydefender.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs what the product stores into: the composable template of the daily mention indices, and the indices of
 * incidents, incident events, drafts and the audit log (main courante). Idempotent.
 */
public final class IndexSetup {
  public static final String MENTIONS_TEMPLATE = "cd-mentions";
  public static final String INCIDENTS = "cd-incidents";
  public static final String INCIDENT_EVENTS = "cd-incident-events";
  public static final String DRAFTS = "cd-drafts";
  public static final String AUDIT = "cd-audit";
  public static final String SUMMARIES = "cd-incident-summaries";
  private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

  private IndexSetup() {}

  public static void install(ElasticsearchClient client, int replicas) throws IOException {
    String template = resource("mentions-template.json", replicas);
    client.indices().putIndexTemplate(r -> r.name(MENTIONS_TEMPLATE).withJson(new StringReader(template)));
    alignExistingMentionIndices(client, template);
    for (var index : List.of(List.of(INCIDENTS, "incidents.json"), List.of(INCIDENT_EVENTS, "incident-events.json"),
        List.of(DRAFTS, "drafts.json"), List.of(AUDIT, "audit.json"), List.of(SUMMARIES, "summaries.json"))) {
      String name = index.get(0);
      String body = resource(index.get(1), replicas);
      if (client.indices().exists(e -> e.index(name)).value()) { // new fields of newer versions (always allowed)
        String mappings = Json.MAPPER.readTree(body).path("mappings").toString();
        client.indices().putMapping(p -> p.index(name).withJson(new StringReader(mappings)));
      } else {
        try {
          client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
          LOG.atInfo().addKeyValue("index", name).log("created index");
        } catch (ElasticsearchException e) {
          if (!"resource_already_exists_exception".equals(e.error().type())) {
            throw e;
          }
        }
      }
    }
  }

  /** Adds fields that newer versions map to the daily indices that already exist (new fields only: always allowed). */
  private static void alignExistingMentionIndices(ElasticsearchClient client, String template) throws IOException {
    var existing = client.indices().get(g -> g.index(MentionDocument.INDEX_PATTERN).allowNoIndices(true))
        .indices().keySet();
    if (existing.isEmpty()) {
      return;
    }
    String mappings = Json.MAPPER.readTree(template).path("template").path("mappings").toString();
    client.indices().putMapping(p -> p.index(List.copyOf(existing)).withJson(new StringReader(mappings)));
  }

  private static String resource(String name, int replicas) {
    try (InputStream in = IndexSetup.class.getResourceAsStream("/es/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__REPLICAS__",
          Integer.toString(replicas));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
