package fr.communitydefender.collectors.live;

import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.YamlConfigLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The collectors file: {@code collectors: [...]}, ids unique; each entry's secrets are readable at load time. */
public record CollectorsConfig(List<SourceConfig> collectors) {
  public CollectorsConfig {
    collectors = List.copyOf(FieldException.required(collectors, "collectors"));
  }

  public static CollectorsConfig load(Path file) {
    CollectorsConfig config = YamlConfigLoader.load(file, CollectorsConfig.class);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < config.collectors().size(); i++) {
      String id = config.collectors().get(i).id();
      if (!seen.add(id)) {
        throw YamlConfigLoader.errorAt(file, "collectors[" + i + "].id", "duplicate collector id '" + id + "'");
      }
    }
    return config;
  }
}
