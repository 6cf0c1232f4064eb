package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Reads;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;

/**
 * The reads over selected connectors (status, describe, config get, tasks, offsets), written once:
 * selection, capability check, client, one read per name, printing. A command is its verb, its
 * read, its JSON view, the capabilities it needs and its table.
 *
 * @param <T> what one read returns
 */
abstract class ReadCommand<T> extends BaseCommand {
  /** The JSON/YAML view of one result (the command is passed for {@code --show-secrets}). */
  @FunctionalInterface
  interface View<T> {
    Map<String, Object> of(BaseCommand command, Target target, T item);
  }

  @Mixin NameSelection selection;

  private final String verb;
  private final BiFunction<ConnectorClient, String, T> read;
  private final View<T> view;
  private final Capability[] capabilities;

  /**
   * @param verb what a failure says was being done, e.g. {@code read offsets of}
   * @param read reads one connector
   * @param view the JSON/YAML view of one result
   * @param capabilities what the vendor must offer, checked in this order
   */
  ReadCommand(
      String verb,
      BiFunction<ConnectorClient, String, T> read,
      View<T> view,
      Capability... capabilities) {
    this.verb = verb;
    this.read = read;
    this.view = view;
    this.capabilities = capabilities;
  }

  /** The table of all results. */
  abstract void table(PrintStream out, Target target, List<T> all);

  /**
   * The context flags of a read that spans contexts ({@code status}, {@code describe}); null for a
   * read of its one target only.
   */
  ContextSelection contexts() {
    return null;
  }

  /**
   * The table of results from several contexts, in the config file's order then by name; only
   * commands whose {@link #contexts()} is not null print it.
   */
  void table(PrintStream out, List<Reads.Found<T>> all) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " spans no contexts");
  }

  @Override
  public final Integer call() {
    selection.check();
    ContextSelection contexts = contexts();
    if (contexts != null && contexts.given()) {
      return Reads.across(
          this,
          new ContextFleet(this, contexts),
          verb,
          selection,
          target -> clientFor(target, capabilities),
          read,
          (target, item) -> view.of(this, target, item),
          this::table);
    }
    ConnectorClient client = client(capabilities);
    Target target = target();
    return Reads.run(
        this,
        verb,
        selection,
        selection.resolve(client),
        name -> read.apply(client, name),
        item -> view.of(this, target, item),
        (out, all) -> table(out, target, all));
  }
}
