package io.connectctl.cli.move;

import io.connectctl.cli.apply.References;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.move.Migration;
import io.connectctl.facade.move.MigrationPlan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A {@link MigrationPlan} for people (text) and for scripts (JSON/YAML). */
public final class PlanView {
  private PlanView() {}

  /** The environment variable a needed secret is read from. */
  public static String variable(MigrationPlan plan, String key) {
    return References.variable(plan.targetName(), key);
  }

  /** The plan as text, secrets masked unless {@code showSecrets}. */
  public static void print(PrintStream out, MigrationPlan plan, boolean showSecrets) {
    out.println(
        "migrate connector/"
            + plan.connector()
            + ": context "
            + plan.fromContext()
            + " ("
            + plan.fromVendor().id()
            + ") -> context "
            + plan.toContext()
            + " ("
            + plan.toVendor().id()
            + ")"
            + (plan.targetName().equals(plan.connector()) ? "" : " as " + plan.targetName()));
    out.println("  config (translated):");
    config(plan, showSecrets).forEach((k, v) -> out.println("    " + k + ": " + v));
    out.println(
        "  secrets needed: "
            + (plan.secretsNeeded().isEmpty()
                ? "none"
                : String.join(
                    ", ",
                    plan.secretsNeeded().stream()
                        .map(k -> k + " from " + References.envReference(plan.targetName(), k))
                        .toList())));
    if (!plan.untranslated().isEmpty()) {
      out.println("  keys without a known translation: " + String.join(", ", plan.untranslated()));
    }
    plan.notes().forEach(n -> out.println("  note: " + n));
    out.println("  offsets: " + offsets(plan));
    out.println(
        "  target: created "
            + plan.targetInitialState()
            + (plan.targetInitialState() == ConnectorState.RUNNING ? "" : ", then resumed"));
    out.println("  source afterwards: " + plan.sourceAfter().label());
    plan.blockers().forEach(b -> out.println("  cannot run: " + b));
  }

  /** What the plan says about offsets, in words. */
  public static String offsets(MigrationPlan plan) {
    return switch (plan.offsets()) {
      case CARRIED -> "carried";
      case LEFT_BEHIND -> "not carried (--without-offsets)";
      case NOT_POSSIBLE -> "cannot be carried: " + plan.offsetsReason();
    };
  }

  /** The plan and, when it ran, its steps, as one JSON/YAML entry. */
  public static Map<String, Object> view(
      MigrationPlan plan, List<Migration.StepReport> steps, boolean showSecrets) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", plan.connector());
    view.put("targetName", plan.targetName());
    view.put("from", plan.fromContext());
    view.put("fromVendor", plan.fromVendor().id());
    view.put("to", plan.toContext());
    view.put("toVendor", plan.toVendor().id());
    view.put("config", config(plan, showSecrets));
    List<Map<String, String>> secrets = new ArrayList<>();
    for (String key : plan.secretsNeeded()) {
      secrets.add(Map.of("key", key, "reference", References.envReference(plan.targetName(), key)));
    }
    view.put("secretsNeeded", secrets);
    view.put("untranslated", plan.untranslated());
    view.put("notes", plan.notes());
    view.put("offsets", plan.offsets().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    view.put("offsetsReason", plan.offsetsReason().isEmpty() ? null : plan.offsetsReason());
    view.put("targetInitialState", plan.targetInitialState().name());
    view.put("sourceAfter", plan.sourceAfter().label());
    view.put("blockers", plan.blockers());
    List<Map<String, Object>> stepViews = new ArrayList<>();
    for (Migration.StepReport step : steps) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("step", step.step().label());
      s.put("alreadyDone", step.alreadyDone());
      s.put("detail", step.detail());
      stepViews.add(s);
    }
    view.put("steps", stepViews);
    return view;
  }

  private static Map<String, String> config(MigrationPlan plan, boolean showSecrets) {
    return new TreeMap<>(showSecrets ? plan.config() : Redaction.redactConfig(plan.config()));
  }
}
