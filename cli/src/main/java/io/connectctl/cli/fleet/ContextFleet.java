package io.connectctl.cli.fleet;

import io.connectctl.cli.CliException;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.facade.Fleet;
import io.connectctl.facade.FleetResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one piece of work per context of a {@link ContextSelection} concurrently (through the SDK's
 * {@link Fleet}), at most {@code --parallel} contexts at once; the requests inside one context are
 * as the work makes them. Every context gets an {@link Outcome}, in the config file's order,
 * whatever order they finish in; a context that fails (no answer within its request timeout,
 * missing credentials, a bad URL) fails alone. When stderr is a terminal, with table output, it
 * shows which contexts are done and which are still waited for.
 *
 * <p>Without any of the selection flags, the work runs once, on the command's own target, on the
 * calling thread, and its failure propagates as it always did.
 */
public final class ContextFleet {
  /** How many waiting contexts a progress line names before it only counts the rest. */
  private static final int NAMED_WAITING = 6;

  private final CommandRun run;
  private final ContextSelection selection;

  /**
   * @param run the command
   * @param selection its context flags
   */
  public ContextFleet(CommandRun run, ContextSelection selection) {
    this.run = run;
    this.selection = selection;
  }

  /**
   * One context's outcome.
   *
   * @param context the context name
   * @param target the context, when it could be read
   * @param value what the work returned, on success
   * @param error why it failed
   * @param <T> what the work returns
   */
  public record Outcome<T>(
      String context, Optional<Target> target, Optional<T> value, Optional<Exception> error) {}

  /** Whether the command spans contexts chosen by the selection flags (rather than its target). */
  public boolean several() {
    return selection.given();
  }

  /**
   * The contexts the command will work on, checked before anything is sent (exit 2 for an unknown
   * name): the selected ones, or the command's one target.
   */
  public List<String> contexts() {
    return several() ? selection.contexts(run) : List.of(run.target().context());
  }

  /**
   * Runs {@code work} once per context.
   *
   * @param work what to do with one context (it makes its client with {@link CommandRun#clientFor})
   * @return one outcome per context, in the config file's order
   */
  public <T> List<Outcome<T>> run(Function<Target, T> work) {
    if (!several()) {
      Target target = run.target();
      return List.of(
          new Outcome<>(
              target.context(),
              Optional.of(target),
              Optional.ofNullable(work.apply(target)),
              Optional.empty()));
    }
    Map<String, Supplier<Target>> members = new LinkedHashMap<>();
    for (String name : selection.contexts(run)) {
      members.put(name, () -> run.config().context(name));
    }
    return runMembers(members, work);
  }

  /**
   * Runs {@code work} once per target given (contexts already resolved, such as those a first pass
   * over the selection succeeded with), concurrently as {@link #run(Function)} does.
   */
  public <T> List<Outcome<T>> run(List<Target> targets, Function<Target, T> work) {
    Map<String, Supplier<Target>> members = new LinkedHashMap<>();
    targets.forEach(target -> members.put(target.context(), () -> target));
    return runMembers(members, work);
  }

  private <T> List<Outcome<T>> runMembers(
      Map<String, Supplier<Target>> members, Function<Target, T> work) {
    List<String> names = List.copyOf(members.keySet());
    Display display =
        new Display(names, run.environment().errTerminal() && !run.printer().structured());
    FleetResult<T> result =
        Fleet.apply(
            members,
            selection.parallel(),
            (name, target) -> work.apply(target.get()),
            display::finished);
    display.end();
    List<Outcome<T>> outcomes = new ArrayList<>();
    for (FleetResult.Member<T> member : result.members()) {
      Optional<Target> target;
      try {
        target = Optional.of(members.get(member.name()).get());
      } catch (RuntimeException unreadable) {
        target = Optional.empty();
      }
      outcomes.add(new Outcome<>(member.name(), target, member.value(), member.error()));
    }
    return outcomes;
  }

  /**
   * Prints one error line per failed context ({@code <action> in context 'C' (vendor) failed: …})
   * and returns every context's exit code, in order, for {@link ExitCode#combine}.
   */
  public List<Integer> report(String action, List<? extends Outcome<?>> outcomes) {
    List<Integer> codes = new ArrayList<>();
    for (Outcome<?> outcome : outcomes) {
      if (outcome.error().isEmpty()) {
        codes.add(ExitCode.OK);
        continue;
      }
      Exception e = outcome.error().get();
      if (outcome.target().isPresent()) {
        codes.add(run.fail(Failures.of(action, "", outcome.target().get(), e)));
      } else {
        int code = e instanceof CliException cli ? cli.exitCode() : ExitCode.API_FAILED;
        run.err()
            .println(
                "error: "
                    + action
                    + " in context '"
                    + outcome.context()
                    + "' failed: "
                    + e.getMessage());
        codes.add(code);
      }
    }
    return codes;
  }

  /** The progress lines on stderr: one per finished context, naming those still waited for. */
  private final class Display {
    private final List<String> waiting;
    private final int total;
    private final boolean shown;

    Display(List<String> names, boolean shown) {
      this.waiting = new ArrayList<>(names);
      this.total = names.size();
      this.shown = shown && names.size() > 1;
      if (this.shown) {
        run.err().println("contexts: 0/" + total + " done; waiting for " + named(waiting));
      }
    }

    void finished(FleetResult.Member<?> member) {
      waiting.remove(member.name());
      if (!shown) {
        return;
      }
      String line =
          "contexts: "
              + (total - waiting.size())
              + "/"
              + total
              + " done ("
              + member.name()
              + (member.error().isPresent() ? " failed" : " ok")
              + ")"
              + (waiting.isEmpty() ? "" : "; waiting for " + named(waiting));
      run.err().println(line);
    }

    void end() {
      run.err().flush();
    }

    private String named(List<String> names) {
      if (names.size() <= NAMED_WAITING) {
        return String.join(", ", names);
      }
      return String.join(", ", names.subList(0, NAMED_WAITING))
          + " and "
          + (names.size() - NAMED_WAITING)
          + " more";
    }
  }
}
