package fr.communitydefender.app.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** Chooses readable or JSON log lines (logback.xml reads {@code cd.log.format}). */
public final class LogSetup {
  private LogSetup() {}

  public static void apply(boolean json) {
    String wanted = json ? "JSON" : "TEXT";
    if (wanted.equals(System.getProperty("cd.log.format", "TEXT"))) {
      return;
    }
    System.setProperty("cd.log.format", wanted);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    URL config = LogSetup.class.getResource("/logback.xml");
    ctx.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(ctx);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging", e);
    }
  }
}
