package fr.communitydefender.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** Meters of the console: connected live clients and messages pushed. */
public final class ConsoleMetrics {
  private final Counter pushed;

  public ConsoleMetrics(MeterRegistry registry, Supplier<Number> clients) {
    pushed = Counter.builder("cd.console.pushed").description("Messages pushed to live clients").register(registry);
    Gauge.builder("cd.console.clients", clients).description("Connected WebSocket clients").register(registry);
  }

  public void pushed(int clients) {
    pushed.increment(clients);
  }
}
