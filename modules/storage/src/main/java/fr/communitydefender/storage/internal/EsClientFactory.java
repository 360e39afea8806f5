package fr.communitydefender.storage.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.storage.StorageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/** Builds the official Java client (REST 5 transport, our Jackson mapper) from a {@link StorageConfig}. */
public final class EsClientFactory {
  private EsClientFactory() {}

  public static ElasticsearchClient create(StorageConfig config) {
    Rest5ClientBuilder builder = Rest5Client.builder(URI.create(config.url()))
        .setRequestConfigCallback(r -> r.setConnectTimeout(Timeout.of(5, TimeUnit.SECONDS))
            .setResponseTimeout(Timeout.of(60, TimeUnit.SECONDS)));
    if (config.apiKey() != null) {
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey())});
    } else if (config.username() != null) {
      String basic = Base64.getEncoder().encodeToString(
          (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
    }
    if (config.caFile() != null) {
      builder.setSSLContext(sslContext(config));
    }
    Rest5ClientTransport transport = new Rest5ClientTransport(builder.build(),
        new JacksonJsonpMapper(Json.MAPPER.copy()));
    return new ElasticsearchClient(transport);
  }

  private static SSLContext sslContext(StorageConfig config) {
    try (InputStream in = Files.newInputStream(config.caFile())) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("elasticsearch CA file " + config.caFile() + ": " + e.getMessage(), e);
    }
  }
}
