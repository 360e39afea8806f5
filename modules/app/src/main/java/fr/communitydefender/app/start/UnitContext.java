package fr.communitydefender.app.start;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every unit starts with: the Kafka bootstrap servers, the directory of its state stores, the process's meter
 * registry and Vert.x instance (created on first use), and whether this is local mode (the embedded broker).
 */
record UnitContext(String bootstrap, Path stateDir, PrometheusMeterRegistry registry, Supplier<Vertx> vertx, boolean local) {
  UnitContext {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(vertx, "vertx");
  }
}
