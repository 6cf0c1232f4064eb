package io.connectctl.dist;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.commands.RootCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Not API: the build-time tool that writes one man page (troff, section 1) per connectctl command
 * from the CLI's picocli model, so the pages always match the commands and flags of the build:
 * {@code connectctl.1}, {@code connectctl-get.1}, {@code connectctl-get-connectors.1} and so on.
 *
 * <p>The troff is written directly rather than through asciidoc and Asciidoctor: no Ruby or JRuby
 * in the build, and the output depends only on the model, the version and the date given (the
 * build's {@code project.build.outputTimestamp}), so two builds give the same pages.
 *
 * <p>Usage: {@code ManPages OUTPUT_DIR VERSION TIMESTAMP}.
 */
public final class ManPages {
  private final String version;
  private final String date;

  private ManPages(String version, String date) {
    this.version = version;
    this.date = date;
  }

  /** Writes the pages into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ManPages OUTPUT_DIR VERSION TIMESTAMP");
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    String date = OffsetDateTime.parse(args[2]).toLocalDate().toString();
    CommandLine root = new CommandLine(new RootCommand(CliEnvironment.system()));
    int pages = new ManPages(args[1], date).write(root, out);
    System.out.println("man pages: " + pages + " written to " + out);
  }

  private int write(CommandLine command, Path out) throws IOException {
    CommandSpec spec = command.getCommandSpec();
    String name = pageName(spec);
    Files.writeString(out.resolve(name + ".1"), page(spec), StandardCharsets.UTF_8);
    int pages = 1;
    for (CommandLine sub : distinct(command.getSubcommands())) {
      pages += write(sub, out);
    }
    return pages;
  }

  /** The subcommands without their aliases (picocli lists a command once per name). */
  private static List<CommandLine> distinct(Map<String, CommandLine> subcommands) {
    return subcommands.values().stream().distinct().collect(Collectors.toList());
  }

  /** {@code connectctl-get-connectors} for {@code connectctl get connectors}. */
  static String pageName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  private String page(CommandSpec spec) {
    StringBuilder t = new StringBuilder();
    String name = pageName(spec);
    t.append(".\\\" Generated from connectctl's picocli model by io.connectctl.dist.ManPages.\n");
    t.append(".TH \"")
        .append(name.toUpperCase(java.util.Locale.ROOT))
        .append("\" 1 \"")
        .append(date)
        .append("\" \"connectctl ")
        .append(version)
        .append("\" \"connectctl Manual\"\n");
    t.append(".SH NAME\n")
        .append(escape(name))
        .append(" \\- ")
        .append(escape(firstLine(spec)))
        .append('\n');

    t.append(".SH SYNOPSIS\n.nf\n");
    t.append(escape(synopsis(spec)));
    t.append("\n.fi\n");

    List<String> description = text(spec.usageMessage().description());
    if (!description.isEmpty()) {
      t.append(".SH DESCRIPTION\n");
      paragraphs(t, description);
    }

    List<PositionalParamSpec> positionals =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!positionals.isEmpty()) {
      t.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : positionals) {
        t.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n");
        paragraphs(t, text(p.description()));
      }
    }

    List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
    if (!options.isEmpty()) {
      t.append(".SH OPTIONS\n");
      for (OptionSpec o : options) {
        t.append(".TP\n").append(optionHead(o)).append('\n');
        paragraphs(t, text(o.description()));
      }
    }

    List<CommandLine> subcommands = distinct(spec.subcommands());
    if (!subcommands.isEmpty()) {
      t.append(".SH COMMANDS\n");
      for (CommandLine sub : subcommands) {
        CommandSpec s = sub.getCommandSpec();
        t.append(".TP\n\\fB").append(escape(s.name())).append("\\fR\n");
        t.append(escape(firstLine(s))).append("\nSee \\fB").append(escape(pageName(s)));
        t.append("\\fR(1).\n");
      }
    }

    t.append(".SH SEE ALSO\n");
    List<String> seeAlso = new ArrayList<>();
    for (CommandSpec up = spec.parent(); up != null; up = up.parent()) {
      seeAlso.add(0, pageName(up));
    }
    for (String page : seeAlso) {
      t.append("\\fB").append(escape(page)).append("\\fR(1)\n.br\n");
    }
    t.append("\\fB")
        .append(escape(spec.qualifiedName(" ")))
        .append(" \\-\\-help\\fR prints this in a terminal.\n");
    return t.toString();
  }

  /** {@code \fB\-\-output\fR, \fB\-o\fR=\fIFORMAT\fR} */
  private static String optionHead(OptionSpec o) {
    String names =
        java.util.Arrays.stream(o.names())
            .map(n -> "\\fB" + escape(n) + "\\fR")
            .collect(Collectors.joining(", "));
    boolean takesValue = o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp();
    return takesValue && !o.typeInfo().isBoolean()
        ? names + "=\\fI" + escape(o.paramLabel()) + "\\fR"
        : names;
  }

  private static String synopsis(CommandSpec spec) {
    CommandLine.Help help =
        new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return help.synopsis(0).stripTrailing();
  }

  private static String firstLine(CommandSpec spec) {
    List<String> description = text(spec.usageMessage().description());
    if (description.isEmpty()) {
      return spec.name();
    }
    String first = description.get(0).strip();
    int end = first.indexOf(". ");
    return end > 0 ? first.substring(0, end + 1) : first;
  }

  /** The description's lines as picocli prints them: {@code %n} breaks a line, {@code %%} is %. */
  private static List<String> text(String[] lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      for (String part : line.split("%n", -1)) {
        out.add(part.replace("%%", "%"));
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static void paragraphs(StringBuilder t, List<String> lines) {
    for (String line : lines) {
      t.append(line.isBlank() ? ".PP" : escape(line.strip())).append('\n');
    }
  }

  /**
   * Text troff prints as is: backslashes escaped, dashes as minus signs, no line taken for a
   * request.
   */
  static String escape(String s) {
    String e = s.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder out = new StringBuilder();
    for (String line : e.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        out.append("\\&");
      }
      out.append(line);
    }
    return out.toString();
  }
}
