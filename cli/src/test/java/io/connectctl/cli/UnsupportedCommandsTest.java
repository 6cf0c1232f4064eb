package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command whose operation a vendor lacks exits 1 with "VENDOR does not support …", whether or
 * not the vendor's credentials are set: the capability check comes before credentials, for every
 * command and vendor.
 */
class UnsupportedCommandsTest extends FakeCliTest {
  /** The command line that needs each capability (RESUME_WAIT has no command of its own). */
  private static final Map<Capability, List<String>> COMMANDS =
      Map.ofEntries(
          Map.entry(Capability.LIST, List.of("get", "connectors")),
          Map.entry(Capability.GET, List.of("describe", "x")),
          Map.entry(Capability.STATUS, List.of("status", "x")),
          Map.entry(Capability.DELETE, List.of("delete", "x")),
          Map.entry(Capability.PAUSE, List.of("pause", "x")),
          Map.entry(Capability.RESUME, List.of("resume", "x")),
          Map.entry(Capability.RESTART, List.of("restart", "x")),
          Map.entry(Capability.RESTART_TASK_OPTIONS, List.of("restart", "x", "--include-tasks")),
          Map.entry(Capability.STOP, List.of("stop", "x")),
          Map.entry(Capability.TASKS, List.of("tasks", "x")),
          Map.entry(Capability.TOPICS, List.of("topics", "x")),
          Map.entry(Capability.OFFSETS, List.of("offsets", "x")),
          Map.entry(Capability.PLUGINS, List.of("plugins")),
          Map.entry(Capability.RESTART_TASK, List.of("restart", "x", "--task", "0")),
          Map.entry(
              Capability.ALTER_OFFSETS, List.of("offsets", "alter", "x", "-f", "offsets.yaml")),
          Map.entry(Capability.RESET_OFFSETS, List.of("offsets", "reset", "x")),
          Map.entry(Capability.VALIDATE, List.of("validate", "-f", "connector.yaml")),
          Map.entry(
              Capability.INITIAL_STATE,
              List.of("apply", "-f", "connector.yaml", "--initial-state", "paused")),
          Map.entry(Capability.LOGGERS, List.of("loggers")));

  private static final Map<Vendor, String> CONTEXTS =
      Map.of(Vendor.REDPANDA, "rp", Vendor.CONFLUENT, "cf", Vendor.YANDEX, "yc");
  private static final Map<Vendor, List<String>> CREDENTIAL_VARIABLES =
      Map.of(
          Vendor.REDPANDA,
          List.of("RP_TOKEN"),
          Vendor.CONFLUENT,
          List.of("CF_KEY", "CF_SECRET"),
          Vendor.YANDEX,
          List.of("YC_TOKEN_VAR"));

  static Stream<Arguments> unsupported() {
    List<Arguments> cases = new ArrayList<>();
    for (Vendor vendor : Vendor.values()) {
      for (Capability capability : VendorDescriptions.of(vendor).capabilities().unsupported()) {
        if (COMMANDS.containsKey(capability)) {
          cases.add(Arguments.of(vendor, capability, true));
          cases.add(Arguments.of(vendor, capability, false));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} credentials set: {2}")
  @MethodSource("unsupported")
  void exitsOneSayingDoesNotSupport(Vendor vendor, Capability capability, boolean credentialsSet) {
    if (!credentialsSet) {
      CREDENTIAL_VARIABLES.get(vendor).forEach(env::remove);
    }
    String context = CONTEXTS.get(vendor);
    List<String> args = new ArrayList<>(COMMANDS.get(capability));
    args.addAll(List.of("--context", context));
    CliRun run = cli(args.toArray(String[]::new));
    assertExit(1, run);
    String expected =
        vendor
            + " does not support "
            + (capability == Capability.RESTART_TASK_OPTIONS
                    && !VendorDescriptions.of(vendor).capabilities().supports(Capability.RESTART)
                ? "restart"
                : capability.description());
    assertOneErrorLine(run, expected, "context '" + context + "'");
    assertTrue(
        fakes.get(context).mutations.isEmpty(),
        () -> "nothing may change: " + fakes.get(context).mutations);
    assertFalse(
        credentials.containsKey(context),
        "no client (and no credentials) for an unsupported operation");
  }

  @ParameterizedTest(name = "ad-hoc {0} {1}")
  @MethodSource("unsupported")
  void adHocTargetsToo(Vendor vendor, Capability capability, boolean credentialsSet) {
    List<String> args = new ArrayList<>(COMMANDS.get(capability));
    args.addAll(List.of("--vendor", vendor.id()));
    // every flag the vendor requires, with a value of the right form for any of them
    VendorDescriptions.of(vendor)
        .required()
        .keySet()
        .forEach(
            key ->
                args.addAll(
                    List.of("--" + key, key.equals("url") ? "https://api.example.com" : "id-1")));
    // the facade's own variables are not set here: without the capability check first this would
    // exit 3
    CliRun run = cli(args.toArray(String[]::new));
    assertExit(1, run);
    assertTrue(run.err().contains(vendor + " does not support"), run::toString);
  }

  @Test
  void anOperationTheVendorLacksFailsWithOneLine() {
    CliRun run = cli("stop", "yc-mirror", "--context", "yc");
    assertExit(1, run);
    assertOneErrorLine(run, "yandex does not support stop", "context 'yc'");
    CliRun restart = cli("restart", "cf-sink", "--include-tasks", "--context", "cf");
    assertExit(1, restart);
    assertOneErrorLine(
        restart,
        "confluent does not support restarting a connector's tasks with it, or only the failed ones");
    CliRun topics = cli("topics", "yc-mirror", "--context", "yc");
    assertOneErrorLine(topics, "yandex does not support topics");
    assertTrue(fakes.get("yc").mutations.isEmpty());
  }
}
