package io.connectctl.cli.secrets;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.DeclaredSecret;
import io.connectctl.cli.apply.DeclaredSecrets;
import io.connectctl.cli.apply.SecretFingerprints;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.errors.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets step of {@code apply}: runs before the connectors. Each declared secret is read back
 * (metadata only) and created when missing, updated when its labels differ or its {@link
 * SecretFingerprints fingerprint} label does not match the values read now (always with {@code
 * --force}), and left alone otherwise. Lines: {@code secret/NAME created|updated|unchanged [(dry
 * run)]}; JSON entries {@code {name, context, vendor, kind: secret, action, dryRun, keys, ok,
 * error}}. Values never appear.
 */
public final class ApplySecrets {
  private enum Action {
    CREATE,
    UPDATE,
    UNCHANGED
  }

  /**
   * What the step did.
   *
   * @param views JSON entries
   * @param lines text lines
   * @param codes one exit code per secret
   */
  public record Outcome(List<Map<String, Object>> views, List<String> lines, List<Integer> codes) {
    static final Outcome NONE = new Outcome(List.of(), List.of(), List.of());

    /** Whether a secret could not be written (the connectors are then left alone). */
    public boolean failed() {
      return codes.stream().anyMatch(c -> c != ExitCode.OK);
    }
  }

  private final List<DeclaredSecret> secrets;

  public ApplySecrets(List<DeclaredSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /**
   * The declared secrets of each group, by context, values read now (exit 2 for a missing variable
   * or file), and checked to be supported by each target's vendor (exit 1); nothing is sent.
   */
  public static Map<String, ApplySecrets> of(CommandRun command, List<ApplyPlanner.Group> groups) {
    Map<String, ApplySecrets> byContext = new LinkedHashMap<>();
    Map<String, String> env = command.environment().env();
    for (ApplyPlanner.Group group : groups) {
      byContext.put(
          group.target().context(), new ApplySecrets(DeclaredSecrets.read(group.manifests(), env)));
    }
    for (ApplyPlanner.Group group : groups) {
      byContext.get(group.target().context()).requireSupported(command, group.target());
    }
    return byContext;
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }

  /**
   * Fails (exit 1) before anything is sent when secrets are declared and {@code target}'s vendor
   * has none.
   */
  public void requireSupported(CommandRun command, Target target) {
    if (!secrets.isEmpty()) {
      command.clientFor(target, Capability.SECRETS);
    }
  }

  /**
   * Plans, and unless {@code dryRun} writes, the secrets of {@code target}. With {@code dryRun}
   * nothing is written and no fingerprint key is created ({@code diff} uses it so).
   */
  public Outcome apply(CommandRun command, Target target, boolean dryRun, boolean force) {
    if (secrets.isEmpty()) {
      return Outcome.NONE;
    }
    ConnectorClient client = command.clientFor(target, Capability.SECRETS);
    SecretFingerprints fingerprints =
        SecretFingerprints.loadFile(
            SecretFingerprints.keyFile(command.environment().home(), command.environment().env()),
            !dryRun);
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    for (DeclaredSecret secret : secrets) {
      Map<String, Object> view = Views.header(target, secret.name());
      view.put("kind", "secret");
      view.put("dryRun", dryRun);
      view.put("keys", List.copyOf(secret.values().keys()));
      Action action = null;
      try {
        Optional<String> fingerprint = fingerprints.of(secret.name(), secret.values());
        Map<String, String> labels = new LinkedHashMap<>(secret.labels());
        fingerprint.ifPresent(f -> labels.put(SecretFingerprints.LABEL, f));
        action = plan(client, secret, labels, fingerprint, force);
        view.put("action", action.name().toLowerCase());
        if (!dryRun && action == Action.CREATE) {
          client.secrets().create(secret.name(), secret.values(), labels);
        } else if (!dryRun && action == Action.UPDATE) {
          client.secrets().update(secret.name(), secret.values(), labels);
        }
        view.put("ok", true);
        codes.add(ExitCode.OK);
        lines.add(
            "secret/" + secret.name() + " " + pastTense(action) + (dryRun ? " (dry run)" : ""));
      } catch (RuntimeException e) {
        String verb = action == null ? "read" : action == Action.CREATE ? "create" : "update";
        Failures.Outcome failure = Failures.of(verb, "", target, e);
        failure =
            new Failures.Outcome(
                failure.exitCode(),
                failure.kind(),
                failure.line().replaceFirst("^" + verb, verb + " secret '" + secret.name() + "'"),
                e);
        codes.add(command.fail(failure));
        view.putIfAbsent("action", verb);
        view.put("ok", false);
        view.put("error", Changes.error(failure));
      }
      views.add(view);
    }
    return new Outcome(views, lines, codes);
  }

  private static Action plan(
      ConnectorClient client,
      DeclaredSecret secret,
      Map<String, String> labels,
      Optional<String> fingerprint,
      boolean force) {
    ConnectorSecret current;
    try {
      current = client.secrets().get(secret.name());
    } catch (NotFoundException e) {
      return Action.CREATE;
    }
    if (force || fingerprint.isEmpty()) {
      return Action.UPDATE;
    }
    return current.labels().equals(labels) ? Action.UNCHANGED : Action.UPDATE;
  }

  private static String pastTense(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case UNCHANGED -> "unchanged";
    };
  }
}
