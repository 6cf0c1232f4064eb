package io.connectctl.cli.bulk;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Printer;
import io.connectctl.cli.output.Views;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run has done so far to each connector it changes, so that a run cut short by SIGINT or
 * SIGTERM can still say it: per name, {@code not started}, {@code requested} (the request was sent,
 * the outcome is not known yet; with the last state a wait saw), {@code done} or {@code failed}.
 * The commands that send mutations ({@link Changes}, {@code apply}) {@linkplain #track register}
 * their names before sending anything; {@link Waits} moves each along.
 *
 * <p>The run's own result and the interrupted report never both reach stdout: the run prints
 * through {@link #finish(Runnable)}, the shutdown hook through {@link #interrupted()}, and
 * whichever comes first wins, so {@code -o json} stays one valid array.
 */
public final class Progress {
  /** How far a connector got. */
  public enum Step {
    NOT_STARTED("not started"),
    REQUESTED("requested"),
    DONE("done"),
    FAILED("failed");

    private final String id;

    Step(String id) {
      this.id = id;
    }

    /** The name printed, e.g. {@code not started}. */
    public String id() {
      return id;
    }
  }

  private static final class Entry {
    final Target target;
    final String name;
    final String action;
    final String pastTense;
    Step step = Step.NOT_STARTED;
    String lastSeen = "";
    String operationId = "";
    String error = "";

    Entry(Target target, String name, String action, String pastTense) {
      this.target = target;
      this.name = name;
      this.action = action;
      this.pastTense = pastTense;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private Printer printer;
  private PrintStream err;
  private String summaryKind = "";
  private boolean finished;
  private boolean interrupted;

  /**
   * Registers a connector this run will change, as not started.
   *
   * @param target where it lives
   * @param name the connector
   * @param action the verb of the JSON {@code action}, e.g. {@code pause} or {@code create}
   * @param pastTense the word for done, e.g. {@code paused}, {@code created}
   */
  public synchronized void track(Target target, String name, String action, String pastTense) {
    entries.put(key(target, name), new Entry(target, name, action, pastTense));
  }

  /** Where the interrupted report goes: the run's printer and stderr. */
  public synchronized void output(Printer printer, PrintStream err) {
    this.printer = printer;
    this.err = err;
  }

  /**
   * Makes the interrupted report end with {@code apply}'s summary line ({@code N created, N
   * updated, N unchanged, N deleted, N failed}, then the requested and not started counts).
   */
  public synchronized void summarizeAsApply() {
    summaryKind = "apply";
  }

  /** Whether {@code name} is tracked (a mutation of this run). */
  synchronized boolean tracked(Target target, String name) {
    return entries.containsKey(key(target, name));
  }

  /** The request for {@code name} is being sent. */
  public synchronized void requested(Target target, String name) {
    update(target, name, e -> e.step = Step.REQUESTED);
  }

  /** A wait saw {@code what} (e.g. {@code state RESTARTING}). */
  public synchronized void seen(Target target, String name, String what) {
    update(target, name, e -> e.lastSeen = what);
  }

  /** The change was made (and, when awaited, reached its state). */
  public synchronized void done(Target target, String name, String operationId) {
    String id = operationId == null ? "" : operationId;
    update(target, name, e -> e.operationId = id);
    update(target, name, e -> e.step = Step.DONE);
  }

  /** The change failed with {@code message} (one line, already safe to print). */
  public synchronized void failed(Target target, String name, String message) {
    update(target, name, e -> e.error = message);
    update(target, name, e -> e.step = Step.FAILED);
  }

  private void update(Target target, String name, java.util.function.Consumer<Entry> change) {
    Entry entry = entries.get(key(target, name));
    if (entry != null) {
      change.accept(entry);
    }
  }

  /**
   * Runs the run's own final report, unless the interrupted report was printed already; from then
   * on an interrupt prints nothing more.
   */
  public synchronized void finish(Runnable report) {
    if (interrupted) {
      return;
    }
    finished = true;
    report.run();
  }

  /**
   * Called on SIGINT or SIGTERM (from a shutdown hook): prints, once, what the run knows of each
   * tracked connector, unless the run printed its own report or sent no mutation. Table mode: one
   * line per connector on stdout and a summary on stderr; JSON/YAML: one array of {@code {name,
   * context, vendor, action, ok, progress, lastSeen, operationId, error, interrupted}}.
   *
   * @return whether anything was printed
   */
  public synchronized boolean interrupted() {
    if (finished || interrupted || entries.isEmpty() || printer == null) {
      return false;
    }
    interrupted = true;
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Map<Step, Integer> counts = new LinkedHashMap<>();
    Map<String, Integer> applied = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      counts.merge(e.step, 1, Integer::sum);
      if (e.step == Step.DONE) {
        applied.merge(e.action, 1, Integer::sum);
      }
      Map<String, Object> view = Views.header(e.target, e.name);
      view.put("action", e.action);
      view.put("ok", e.step == Step.DONE);
      view.put("progress", e.step.id());
      if (!e.lastSeen.isEmpty()) {
        view.put("lastSeen", e.lastSeen);
      }
      if (!e.operationId.isEmpty()) {
        view.put("operationId", e.operationId);
      }
      if (!e.error.isEmpty()) {
        view.put("error", Map.of("message", e.error));
      }
      view.put("interrupted", true);
      views.add(view);
      lines.add(line(e));
    }
    printer.emit(views, out -> lines.forEach(out::println));
    if (err != null) {
      if (summaryKind.equals("apply")) {
        err.printf(
            "%d created, %d updated, %d unchanged, %d deleted, %d failed, %d requested,"
                + " %d not started (interrupted)%n",
            applied.getOrDefault("create", 0),
            applied.getOrDefault("update", 0),
            applied.getOrDefault("unchanged", 0),
            applied.getOrDefault("delete", 0),
            counts.getOrDefault(Step.FAILED, 0),
            counts.getOrDefault(Step.REQUESTED, 0),
            counts.getOrDefault(Step.NOT_STARTED, 0));
      } else {
        err.printf(
            "interrupted: %d done, %d requested, %d failed, %d not started%n",
            counts.getOrDefault(Step.DONE, 0),
            counts.getOrDefault(Step.REQUESTED, 0),
            counts.getOrDefault(Step.FAILED, 0),
            counts.getOrDefault(Step.NOT_STARTED, 0));
      }
      err.flush();
    }
    return true;
  }

  private static String line(Entry e) {
    String where = "connector/" + e.name + " ";
    return switch (e.step) {
      case DONE ->
          where
              + e.pastTense
              + (e.operationId.isEmpty() ? "" : " [operation " + e.operationId + "]");
      case REQUESTED ->
          where
              + e.action
              + " requested, outcome unknown"
              + (e.lastSeen.isEmpty() ? "" : " (last seen: " + e.lastSeen + ")");
      case FAILED -> where + e.action + " failed: " + e.error;
      case NOT_STARTED -> where + e.action + " not started";
    };
  }

  private static String key(Target target, String name) {
    return target.context() + "\u0000" + name;
  }
}
