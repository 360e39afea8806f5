package fr.communitydefender.app.start;

/**
 * A role of the application (or a device of local mode) with one lifecycle: built with what it needs (through its
 * constructor), {@link #start(UnitContext)}ed once, asked whether it is {@link #healthy()}, {@link #stop()}ped once —
 * like kafka-streams-examples' {@code Service}. {@link Assembly} starts the units of the chosen roles in order and
 * stops them in reverse.
 */
interface Unit extends AutoCloseable {
  /** A short name, used by the health checks and the watchdog (a bounded value). */
  String name();

  void start(UnitContext context);

  /** Whether the unit does its work (a Streams app running, a consumer polling); reported by {@code /api/health}. */
  boolean healthy();

  /** Stops what {@link #start} started; safe to call after a failed start, and more than once. */
  void stop();

  @Override
  default void close() {
    stop();
  }
}
