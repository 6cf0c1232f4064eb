package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.References;
import io.connectctl.cli.bulk.Reads;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.output.OutputFormat;
import io.connectctl.cli.output.Printer;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorListing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export [NAME…] [--selector REGEX] [-o yaml|json] [--dir DIR]}: the connectors as
 * apply-ready documents {@code {name, context, vendor, config}} (no names and no selector: every
 * connector). A secret is never written: each masked or secret-looking value becomes {@code
 * ${connectctl:env:CONNECTOR_KEY}}, which {@code apply} resolves from the environment (see {@link
 * References}); references the server resolves itself pass through. Without {@code --dir} the
 * documents go to stdout (a multi-document YAML stream, or a JSON array with {@code -o json}); with
 * it, one file per connector, and stdout lists them: JSON {@code [{name, context, vendor, file,
 * references:[{key, reference}]}]}. With {@code --all-contexts}, {@code --contexts} or {@code
 * --context-selector} the contexts are read concurrently, documents come in the config file's order
 * of contexts then by name, and {@code --dir} writes {@code DIR/CONTEXT/NAME.yaml}. An existing
 * file is never overwritten without {@code --force}: every target path is checked before any is
 * written.
 */
@Command(
    name = "export",
    description =
        "Write connectors as files 'apply -f' takes back (secrets become "
            + "$${connectctl:env:VAR} references), of several contexts at once with"
            + " --all-contexts, --contexts or --context-selector.")
final class ExportCommand extends BaseCommand {
  @Mixin NameSelection selection;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Write one file per connector (NAME.yaml, or NAME.json with -o json) into DIR, made if"
              + " needed; over several contexts into DIR/CONTEXT/.")
  Path dir;

  @Option(
      names = "--force",
      description = "With --dir: overwrite files that exist (without it, nothing is written then).")
  boolean force;

  @Mixin ContextSelection contexts;

  /** One exported connector. */
  private record Exported(
      Target target,
      String name,
      Map<String, Object> document,
      List<Map<String, String>> references) {}

  @Override
  public Integer call() {
    selection.pattern();
    boolean json = printer().format() == OutputFormat.JSON;
    ContextFleet fleet = new ContextFleet(this, contexts);
    List<Integer> codes = new ArrayList<>();
    List<Exported> exported = new ArrayList<>();
    if (fleet.several()) {
      for (Reads.Found<Map<String, String>> found :
          Reads.readAcross(
              this,
              fleet,
              "read",
              selection,
              true,
              target -> clientFor(target, Capability.LIST, Capability.GET),
              (client, name) -> client.getConnector(name).config(),
              codes)) {
        exported.add(export(found.target(), found.name(), found.value()));
      }
    } else {
      ConnectorClient client = client(Capability.LIST, Capability.GET);
      Target target = target();
      List<String> names = new ArrayList<>();
      if (selection.names().isEmpty() && selection.selector() == null) {
        for (ConnectorListing listing : client.listConnectors()) {
          names.add(listing.name());
        }
      } else {
        names.addAll(selection.resolve(client));
      }
      for (String name : names) {
        try {
          exported.add(export(target, name, client.getConnector(name).config()));
        } catch (RuntimeException e) {
          codes.add(fail(Failures.of("read", name, target, e)));
        }
      }
    }
    int references = exported.stream().mapToInt(e -> e.references().size()).sum();
    if (dir == null) {
      List<Object> documents = exported.stream().<Object>map(Exported::document).toList();
      if (printer().format() == OutputFormat.NAME) {
        exported.forEach(e -> out().println(e.name()));
      } else if (json) {
        out().println(Printer.json(documents));
      } else {
        out().print(stream(documents));
      }
      out().flush();
    } else {
      writeFiles(exported, json, fleet.several());
    }
    if (references > 0 && printer().format() == OutputFormat.TABLE) {
      err()
          .println(
              references
                  + " secret value"
                  + (references == 1 ? " was" : "s were")
                  + " written as ${connectctl:env:…} references: set those variables (or change the references) "
                  + "before apply has to send them");
    }
    return codes.isEmpty() ? ExitCode.OK : ExitCode.combine(codes);
  }

  /**
   * Writes one file per connector: into DIR, or DIR/CONTEXT with {@code byContext}. Every path is
   * worked out and checked first: when one exists and {@code --force} was not given, nothing is
   * written (exit 2, naming the files).
   */
  private void writeFiles(List<Exported> exported, boolean json, boolean byContext) {
    Map<Path, Exported> files = new LinkedHashMap<>();
    Map<Path, Set<String>> taken = new LinkedHashMap<>();
    for (Exported e : exported) {
      Path folder = byContext ? dir.resolve(safe(e.target().context())) : dir;
      Set<String> used =
          taken.computeIfAbsent(folder, f -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
      String base = safe(e.name());
      String fileName = base;
      for (int i = 2; used.contains(fileName); i++) {
        fileName = base + "-" + i;
      }
      used.add(fileName);
      files.put(folder.resolve(fileName + (json ? ".json" : ".yaml")), e);
    }
    List<String> existing =
        files.keySet().stream().filter(Files::exists).map(Path::toString).toList();
    if (!existing.isEmpty() && !force) {
      throw CliException.usage(
          "export --dir would overwrite "
              + (existing.size() == 1 ? "" : existing.size() + " existing files: ")
              + String.join(", ", existing)
              + (existing.size() == 1 ? ", which exists" : "")
              + "; nothing was written (give --force to overwrite, or another --dir)");
    }
    Set<Path> folders = new LinkedHashSet<>();
    folders.add(dir);
    folders.addAll(taken.keySet());
    for (Path folder : folders) {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw CliException.usage("Cannot make directory " + folder + ": " + e.getMessage());
      }
    }
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Path, Exported> entry : files.entrySet()) {
      Path file = entry.getKey();
      Exported e = entry.getValue();
      String text = json ? Printer.json(e.document()) + "\n" : Printer.yaml(e.document());
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException io) {
        throw CliException.usage("Cannot write " + file + ": " + io.getMessage());
      }
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", e.name());
      view.put("context", e.target().context());
      view.put("vendor", e.target().vendor().id());
      view.put("file", file.toString());
      view.put("references", e.references());
      views.add(view);
      lines.add(
          "connector/"
              + e.name()
              + " exported to "
              + file
              + (e.references().isEmpty()
                  ? ""
                  : " ("
                      + e.references().size()
                      + " secret reference"
                      + (e.references().size() == 1 ? "" : "s")
                      + ")"));
    }
    printer().emit(views, out -> lines.forEach(out::println));
  }

  /**
   * A connector or context name as a file name: characters other than letters, digits and {@code
   * ._-} become {@code _}.
   */
  private static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
  }

  /**
   * The document for one connector: {@code name}, {@code context} (left out for a target given by
   * flags), {@code vendor}, {@code config} sorted by key, with the connector's own {@code name} key
   * left out and every secret replaced by a reference.
   */
  static Exported export(Target target, String name, Map<String, String> serverConfig) {
    Map<String, String> config = new TreeMap<>();
    List<Map<String, String>> references = new ArrayList<>();
    serverConfig.forEach(
        (key, value) -> {
          if (key.equals("name") && name.equals(value)) {
            return;
          }
          if (References.isSecret(key, value)) {
            String reference = References.envReference(name, key);
            config.put(key, reference);
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("reference", reference);
            references.add(entry);
          } else {
            config.put(key, value);
          }
        });
    references.sort(java.util.Comparator.comparing(r -> r.get("key")));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", name);
    if (!target.context().equals(Target.AD_HOC)) {
      document.put("context", target.context());
    }
    document.put("vendor", target.vendor().id());
    document.put("config", config);
    return new Exported(target, name, document, references);
  }

  /** Documents as one YAML stream, separated by {@code ---}. */
  static String stream(List<Object> documents) {
    StringBuilder text = new StringBuilder();
    for (Object document : documents) {
      text.append("---\n").append(Printer.yaml(document));
    }
    return text.toString();
  }
}
