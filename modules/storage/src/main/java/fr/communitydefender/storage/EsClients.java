package fr.communitydefender.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.storage.internal.EsClientFactory;

/** The official Elasticsearch client for a storage configuration (URL, API key or user, CA). */
public final class EsClients {
  private EsClients() {}

  public static ElasticsearchClient create(StorageConfig config) {
    return EsClientFactory.create(config);
  }
}
