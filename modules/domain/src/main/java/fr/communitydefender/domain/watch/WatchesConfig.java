package fr.communitydefender.domain.watch;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.YamlConfigLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The watches file: {@code watches: [...]}, ids unique. */
public record WatchesConfig(List<Watch> watches) {
  public WatchesConfig {
    watches = List.copyOf(FieldException.required(watches, "watches"));
  }

  public static WatchesConfig load(Path file) {
    WatchesConfig config = YamlConfigLoader.load(file, WatchesConfig.class);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < config.watches().size(); i++) {
      String id = config.watches().get(i).id();
      if (!seen.add(id)) {
        throw YamlConfigLoader.errorAt(file, "watches[" + i + "].id", "duplicate watch id '" + id + "'");
      }
    }
    if (config.watches().isEmpty()) {
      throw new ConfigException(file.toString(), 0, 0, "watches", "at least one watch is required");
    }
    return config;
  }

  public Set<String> ids() {
    return watches.stream().map(Watch::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
