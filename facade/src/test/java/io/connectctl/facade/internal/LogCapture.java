package io.connectctl.facade.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every event logged under {@code io.connectctl}, at DEBUG, as full text (message and
 * throwable).
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("io.connectctl");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previous;

  /** Starts capturing. */
  public LogCapture() {
    previous = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  /**
   * Every captured event as text: logger, level, formatted message, and any throwable's messages.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      StringBuilder line =
          new StringBuilder(e.getLoggerName())
              .append(' ')
              .append(e.getLevel())
              .append(' ')
              .append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      out.add(line.toString());
    }
    return out;
  }

  /** The captured lines joined, for assertions on content. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
