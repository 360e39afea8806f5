package fr.communitydefender.app.start;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Vert.x's blocked-thread check in the tests: Vert.x warns (logger {@code BlockedThreadChecker}) when an event loop is
 * blocked longer than its limit (2 s); this appender collects those warnings and, registered for every test class of
 * the module (JUnit extension auto-detection), fails the class that blocked an event loop.
 */
public final class BlockedThreads extends AppenderBase<ILoggingEvent> implements AfterAllCallback {
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLoggerName().endsWith("BlockedThreadChecker")) {
      SEEN.add(event.getFormattedMessage());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> seen = List.copyOf(SEEN);
    SEEN.clear();
    if (!seen.isEmpty()) {
      throw new AssertionError("an event loop was blocked during " + context.getDisplayName() + ": " + seen.get(0));
    }
  }
}
