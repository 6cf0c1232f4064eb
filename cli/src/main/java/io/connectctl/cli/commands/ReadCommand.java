package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * status, describe-like reads (config get, tasks, offsets …): one read per selected connector, written once. A
 * command says which capability it needs, how to read one connector, its JSON view and its table.
 *
 * @param <T> what one read returns
 */
abstract class ReadCommand<T> extends BaseCommand {
  @Mixin
  NameSelection selection;

  private final Capability capability;
  private final String verb;

  /**
   * @param capability what the vendor must offer
   * @param verb what a failure says was being done, e.g. {@code read offsets of}
   */
  ReadCommand(Capability capability, String verb) {
    this.capability = capability;
    this.verb = verb;
  }

  /** Reads one connector. */
  abstract T fetch(ConnectorClient client, String name);

  /** The JSON/YAML view of one result. */
  abstract Map<String, Object> view(Target target, T item);

  /** The table of all results. */
  abstract void table(PrintStream out, List<T> all);

  @Override
  public final Integer call() {
    selection.check();
    ConnectorClient client = client(capability);
    Target target = target();
    return Reads.run(this, verb, selection, selection.resolve(client), name -> fetch(client, name),
        item -> view(target, item), this::table);
  }
}
