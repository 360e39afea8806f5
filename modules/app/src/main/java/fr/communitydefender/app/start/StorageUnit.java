package fr.communitydefender.app.start;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.storage.EsHealth;
import fr.communitydefender.storage.IndexSetup;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.EsClients;
import fr.communitydefender.storage.mentions.Pseudonymizer;
import fr.communitydefender.storage.mentions.Secrets;
import fr.communitydefender.storage.search.SearchService;
import java.io.IOException;
import java.util.Objects;

/**
 * Elasticsearch for the roles that use it (index, console): the official client, the index templates, a health
 * probe, search and erasure. The URL is known at start (an external cluster, or the embedded node local mode started).
 */
final class StorageUnit implements Unit {
  private final StorageOptions options;
  private final java.util.function.Supplier<String> url;
  private final Resources resources = new Resources("storage");
  private StorageConfig config;
  private ElasticsearchClient client;
  private EsHealth health;
  private Pseudonymizer pseudonymizer;
  private SearchService search;
  private Erasure erasure;

  StorageUnit(StorageOptions options, java.util.function.Supplier<String> url) {
    this.options = Objects.requireNonNull(options, "options");
    this.url = Objects.requireNonNull(url, "url");
  }

  @Override
  public String name() {
    return "elasticsearch";
  }

  @Override
  public void start(UnitContext c) {
    String at = url.get();
    config = options.config(at);
    client = EsClients.create(config);
    resources.add(client::close);
    try {
      IndexSetup.install(client, config.replicas());
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare Elasticsearch indices at " + at + ": " + e.getMessage(), e);
    }
    health = resources.add(new EsHealth(client));
    pseudonymizer = Secrets.pseudonymizer(options.keyFile());
    search = new SearchService(client);
    erasure = new Erasure(client, pseudonymizer);
  }

  @Override
  public boolean healthy() {
    return health != null && health.up();
  }

  @Override
  public void stop() {
    resources.closeAll();
  }

  String url() {
    return config == null ? null : config.url();
  }

  StorageConfig config() {
    return config;
  }

  ElasticsearchClient client() {
    return client;
  }

  Pseudonymizer pseudonymizer() {
    return pseudonymizer;
  }

  SearchService search() {
    return search;
  }

  Erasure erasure() {
    return erasure;
  }
}
