package fr.communitydefender.app.start;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a unit opened, closed in reverse order; errors while closing are logged, never thrown. */
final class Resources {
  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
  private final Deque<AutoCloseable> stack = new ArrayDeque<>();
  private final String owner;

  Resources(String owner) {
    this.owner = owner;
  }

  <T extends AutoCloseable> T add(T resource) {
    stack.push(resource);
    return resource;
  }

  void closeAll() {
    while (!stack.isEmpty()) {
      try {
        stack.pop().close();
      } catch (Exception e) {
        LOG.atWarn().setCause(e).addKeyValue("unit", owner).log("error while stopping");
      }
    }
  }
}
