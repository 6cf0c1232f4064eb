package io.connectctl.cli.reconcile;

import io.connectctl.cli.output.Printer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line per action of {@code reconcile}, human ({@code 2026-… restarted connector/s3-sink [prod]
 * attempt 1/10}) or JSON ({@code --log-format json}: {@code {time, action, context, vendor,
 * connector, message}}). Callers pass names, states and config keys, never config values, so no
 * secret can reach a line.
 */
public final class ReconcileLog {
  private final PrintStream out;
  private final boolean json;

  ReconcileLog(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /**
   * @param action what was done or seen ({@code restarted}, {@code drift}, {@code configured} …)
   * @param context the context, empty for the whole run
   * @param vendor its vendor id, empty when none
   * @param connector the connector, empty when the line is about a context or the run
   * @param message the rest, free text without values from configs
   */
  void line(String action, String context, String vendor, String connector, String message) {
    Instant now = Instant.now();
    String text;
    if (json) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("time", now.toString());
      entry.put("action", action);
      entry.put("context", context);
      entry.put("vendor", vendor);
      entry.put("connector", connector);
      entry.put("message", message);
      text = Printer.json(entry).replaceAll("\\s*\\n\\s*", " ");
    } else {
      text =
          now
              + " "
              + action
              + (connector.isEmpty() ? "" : " connector/" + connector)
              + (context.isEmpty() ? "" : " [" + context + "]")
              + (message.isEmpty() ? "" : " " + message);
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}
