package io.connectctl.cli.commands;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.client.ClientSettings;
import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.CredentialResolver;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.config.TargetResolver;
import io.connectctl.cli.options.VersionProvider;
import io.connectctl.cli.output.OutputFormat;
import io.connectctl.cli.output.Printer;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.ConnectorClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code connectctl}'s global options and what one run shares: the loaded config file, the resolved
 * target and the clients to close at the end. The options are global: picocli inherits them into
 * every subcommand, so they are accepted anywhere on the line, before or after the command, as
 * kubectl does. {@link RootCommand} adds every command under it.
 */
@Command(
    name = "connectctl",
    versionProvider = VersionProvider.class,
    modelTransformer = RootOptions.KeyFlagOptions.class,
    sortOptions = false,
    description =
        "Manage Kafka Connect connectors on Redpanda Cloud, Confluent Cloud, Yandex Cloud and self-managed "
            + "Kafka Connect.",
    footer = {
      "",
      "Exit codes: 0 success, 1 the API refused or failed, 2 bad usage or input, "
          + "3 authentication or permission, 4 not found, 5 timed out waiting, "
          + "6 diff could not compare, 130/143 interrupted (SIGINT/SIGTERM)."
    })
public abstract class RootOptions implements Runnable, AutoCloseable {
  @Option(
      names = "--config",
      order = 1,
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "Contexts file (default: $CONNECTCTL_CONFIG, else $XDG_CONFIG_HOME/connectctl/config.yaml, "
              + "else $HOME/.config/connectctl/config.yaml).")
  String configFile;

  @Option(
      names = "--context",
      order = 2,
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description =
          "Context to use for this command (default: current-context of the config file).")
  String context;

  @Option(
      names = "--vendor",
      order = 3,
      paramLabel = "VENDOR",
      scope = ScopeType.INHERIT,
      description = "Ad-hoc target without a config file: ${COMPLETION-CANDIDATES}.",
      completionCandidates = VendorIds.class)
  String vendor;

  @Option(
      names = "--allow-insecure-http",
      order = 50,
      scope = ScopeType.INHERIT,
      description =
          "Let plain http:// to a host other than loopback carry credentials (as the context key "
              + "allow-insecure-http: true); without credentials plain http needs no opt-in.")
  boolean allowInsecureHttp;

  @Option(
      names = "--request-timeout",
      order = 51,
      paramLabel = "DURATION",
      scope = ScopeType.INHERIT,
      converter = RequestTimeoutConverter.class,
      description =
          "Give up one request after DURATION (e.g. 10s; as the context key request-timeout; "
              + "default: 30 s without an answer, 60 s in all).")
  java.time.Duration requestTimeout;

  @Option(
      names = {"-o", "--output"},
      order = 100,
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      converter = OutputFormatConverter.class,
      completionCandidates = OutputFormatWords.class,
      description =
          "table (default), json, yaml, or name (one name a line: connectors, secrets, contexts, clusters).")
  OutputFormat output = OutputFormat.TABLE;

  @Option(
      names = "--no-headers",
      order = 100,
      scope = ScopeType.INHERIT,
      description = "Tables without their header row.")
  boolean noHeaders;

  @Option(
      names = "--show-secrets",
      order = 101,
      scope = ScopeType.INHERIT,
      description = "Show secret-looking config values instead of masking them.")
  boolean showSecrets;

  @Option(
      names = {"-v", "--verbose"},
      order = 102,
      scope = ScopeType.INHERIT,
      description = "Log requests (redacted) to stderr, and show stack traces of errors.")
  boolean verbose;

  @Option(
      names = {"-h", "--help"},
      order = 103,
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      order = 104,
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  /** The values of the key flags given ({@code --url}, {@code --cluster} …), by key name. */
  private final Map<String, String> keyFlags = new LinkedHashMap<>();

  private final CliEnvironment environment;
  private final List<ConnectorClient> opened = new ArrayList<>();
  private final Map<String, ConnectorClient> clients = new LinkedHashMap<>();
  private final Map<String, Object> clientLocks = new java.util.concurrent.ConcurrentHashMap<>();
  private ConfigFile config;
  private Target target;
  private java.util.function.Function<String, okhttp3.Interceptor> requestObserver;
  private final io.connectctl.cli.bulk.Progress progress = new io.connectctl.cli.bulk.Progress();

  /**
   * @param environment what this run reads and writes
   */
  RootOptions(CliEnvironment environment) {
    this.environment = environment;
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec rootSpec;

  /** No command: the overview of every command, as {@code --help} prints it (exit 0). */
  @Override
  public void run() {
    picocli.CommandLine line = rootSpec.commandLine();
    line.usage(line.getOut());
    line.getOut().flush();
  }

  /** The {@code -o} format. */
  public OutputFormat output() {
    return output;
  }

  /** What this run reads and writes. */
  public CliEnvironment environment() {
    return environment;
  }

  /** What this run has done so far to the connectors it changes (see {@link #progress}). */
  public io.connectctl.cli.bulk.Progress progress() {
    return progress;
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  /** Whether {@code --show-secrets} was given. */
  public boolean showSecrets() {
    return showSecrets;
  }

  /** Prints results to stdout in the {@code -o} format. */
  public Printer printer() {
    return new Printer(environment.out(), output, !noHeaders);
  }

  /** The target flags as given. */
  public TargetFlags targetFlags() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (VendorDescriptions.KeyFlag flag : VendorDescriptions.flags()) {
      if (keyFlags.containsKey(flag.name())) {
        keys.put(flag.name(), keyFlags.get(flag.name()));
      }
    }
    return new TargetFlags(context, vendor, keys);
  }

  /**
   * The contexts file (read once per run); {@code --config} must name an existing file. Each
   * context that could not be read, other than the one this run selects (which fails when used), is
   * named in a warning on stderr.
   */
  public ConfigFile config() {
    if (config == null) {
      config = loadConfig();
      String selected = context != null && !context.isEmpty() ? context : config.currentContext();
      config
          .invalid()
          .forEach(
              (name, error) -> {
                if (!name.equals(selected)) {
                  environment
                      .err()
                      .println("warning: context '" + name + "' ignored: " + error.getMessage());
                }
              });
    }
    return config;
  }

  /**
   * The contexts file, without the warnings {@link #config()} prints ({@code contexts} lists them).
   */
  public ConfigFile configWithoutWarnings() {
    if (config == null) {
      config = loadConfig();
    }
    return config;
  }

  private ConfigFile loadConfig() {
    Path path = ConfigFile.locate(configFile, environment.env(), environment.home());
    boolean explicit = configFile != null || environment.env().containsKey("CONNECTCTL_CONFIG");
    return ConfigFile.load(path, explicit);
  }

  /** The target this command talks to (from flags and the config file). */
  public Target target() {
    if (target == null) {
      target = TargetResolver.resolve(targetFlags(), this::config);
    }
    return target;
  }

  /** The target, if this run has resolved one already (for error messages). */
  public java.util.Optional<Target> resolvedTarget() {
    return java.util.Optional.ofNullable(target);
  }

  /** The client for {@link #target()}. */
  public ConnectorClient client() {
    return clientFor(target());
  }

  /**
   * Every client made from now on passes its requests through the interceptor {@code observer}
   * gives for its context ({@code reconcile}'s request metrics).
   */
  synchronized void observeRequests(
      java.util.function.Function<String, okhttp3.Interceptor> observer) {
    this.requestObserver = observer;
  }

  /**
   * A client for {@code target} (one per context per run; all closed when the run ends). Safe to
   * call from several threads ({@code get connectors --all-contexts}, {@code reconcile} work on
   * contexts concurrently): a lock per context makes each context's client once, and clients of
   * different contexts are built at the same time rather than one after another.
   */
  public ConnectorClient clientFor(Target target) {
    synchronized (clientLocks.computeIfAbsent(target.context(), context -> new Object())) {
      java.util.function.Function<String, okhttp3.Interceptor> observer;
      synchronized (this) {
        ConnectorClient existing = clients.get(target.context());
        if (existing != null) {
          return existing;
        }
        observer = requestObserver;
      }
      ConnectorClient client = newClient(target, observer);
      synchronized (this) {
        opened.add(client);
        clients.put(target.context(), client);
      }
      return client;
    }
  }

  private ConnectorClient newClient(
      Target target, java.util.function.Function<String, okhttp3.Interceptor> observer) {
    if (allowInsecureHttp || requestTimeout != null) {
      Map<String, Object> values = new LinkedHashMap<>(target.values());
      if (allowInsecureHttp) {
        values.put(io.connectctl.cli.vendors.ContextKey.ALLOW_INSECURE_HTTP.name(), true);
      }
      if (requestTimeout != null) {
        values.put(io.connectctl.cli.vendors.ContextKey.REQUEST_TIMEOUT.name(), requestTimeout);
      }
      target = new Target(target.context(), target.vendor(), values, target.credentials());
    }
    var credentials = new CredentialResolver(environment.env(), environment.home()).resolve(target);
    var settings =
        new ClientSettings(
            verbose,
            line -> environment.err().println(line),
            environment.env(),
            observer == null ? List.of() : List.of(observer.apply(target.context())));
    return environment.clients().create(target, credentials, settings);
  }

  /** Closes every client this run opened. */
  @Override
  public synchronized void close() {
    for (ConnectorClient client : opened) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // closing is best effort; the run's outcome is already decided
      }
    }
    opened.clear();
    clients.clear();
  }

  /**
   * Adds the key flags ({@code --url}, {@code --cluster} …), one per {@link
   * VendorDescriptions#flags()}, as global options: listed after {@code --vendor} in the help,
   * accepted anywhere on the line, their values kept by the {@link RootOptions} being built.
   */
  static final class KeyFlagOptions implements IModelTransformer {
    private static final int FIRST_ORDER = 10;

    @Override
    public CommandSpec transform(CommandSpec spec) {
      if (!(spec.userObject() instanceof RootOptions root)) {
        return spec;
      }
      int order = FIRST_ORDER;
      for (VendorDescriptions.KeyFlag flag : VendorDescriptions.flags()) {
        spec.addOption(
            OptionSpec.builder("--" + flag.name())
                .paramLabel(flag.label())
                .type(String.class)
                .scopeType(ScopeType.INHERIT)
                .order(order++)
                .description(flag.description())
                .setter(
                    new ISetter() {
                      @Override
                      public <T> T set(T value) {
                        root.keyFlag(flag.name(), (String) value);
                        return null;
                      }
                    })
                .getter(
                    new IGetter() {
                      @Override
                      @SuppressWarnings("unchecked")
                      public <T> T get() {
                        return (T) root.keyFlags.get(flag.name());
                      }
                    })
                .build());
      }
      return spec;
    }
  }

  private void keyFlag(String name, String value) {
    if (value == null) {
      keyFlags.remove(name);
    } else {
      keyFlags.put(name, value);
    }
  }

  /** The vendor ids, for {@code --vendor}'s help and shell completion. */
  static final class VendorIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(io.connectctl.facade.Vendor.values())
          .map(io.connectctl.facade.Vendor::id)
          .iterator();
    }
  }

  /** The {@code -o} values as typed (lower case), for shell completion. */
  static final class OutputFormatWords implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(OutputFormat.values()).map(OutputFormat::word).iterator();
    }
  }

  /** Parses {@code --request-timeout}: a duration longer than 0. */
  static final class RequestTimeoutConverter
      implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      try {
        // picocli names the flag in front of the reason
        return io.connectctl.cli.vendors.ContextKey.requestTimeout(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses {@code -o}. */
  static final class OutputFormatConverter
      implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
