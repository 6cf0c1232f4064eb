package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a command talks to. {@code --vendor} makes an ad-hoc target from flags alone (no
 * config file is read, credentials come from the facade's environment variables). Otherwise the
 * context is {@code --context}, else the config file's {@code current-context}; any of {@code
 * --url}, {@code --cluster} … given as well override that context's fields. A flag that does not
 * apply to the vendor is an error (exit 2).
 */
public final class TargetResolver {
  private TargetResolver() {}

  /**
   * @param flags the target flags
   * @param config the config file, consulted only when {@code --vendor} is absent
   * @throws CliException (exit 2) for an unknown context, a missing target or a flag that does not
   *     fit
   */
  public static Target resolve(TargetFlags flags, java.util.function.Supplier<ConfigFile> config) {
    if (!flags.vendor().isEmpty()) {
      if (!flags.context().isEmpty()) {
        throw CliException.usage(
            "--context and --vendor cannot be combined: --vendor describes a target by flags alone");
      }
      Vendor vendor;
      try {
        vendor = Vendor.fromId(flags.vendor());
      } catch (IllegalArgumentException e) {
        throw CliException.usage("Invalid value for --vendor: " + e.getMessage());
      }
      checkApplicable(flags, vendor, "--vendor " + vendor);
      List<String> missing = new ArrayList<>();
      VendorDescriptions.of(vendor)
          .required()
          .forEach(
              (key, label) ->
                  requireFlag(
                      missing,
                      flags.fieldFlags().getOrDefault("--" + key, ""),
                      "--" + key + " " + label));
      if (!missing.isEmpty()) {
        throw CliException.usage("--vendor " + vendor + " needs " + String.join(" and ", missing));
      }
      return new Target(
          Target.AD_HOC,
          vendor,
          flags.url(),
          flags.connectCluster(),
          flags.tokenUrl(),
          flags.environment(),
          flags.cluster(),
          flags.operationUrl(),
          flags.iamUrl(),
          new CredentialSource.DefaultEnvironment());
    }
    ConfigFile file = config.get();
    String name = !flags.context().isEmpty() ? flags.context() : file.currentContext();
    if (name.isEmpty()) {
      throw CliException.usage(
          "No target: pass --context NAME, set a default with 'connectctl contexts use NAME'"
              + " (config file "
              + file.path()
              + "), or describe one with --vendor and its flags");
    }
    Target context = file.context(name);
    checkApplicable(flags, context.vendor(), "context '" + name + "' (" + context.vendor() + ")");
    return new Target(
        context.context(),
        context.vendor(),
        override(flags.url(), context.url()),
        override(flags.connectCluster(), context.connectCluster()),
        override(flags.tokenUrl(), context.tokenUrl()),
        override(flags.environment(), context.environment()),
        override(flags.cluster(), context.cluster()),
        override(flags.operationUrl(), context.operationUrl()),
        override(flags.iamUrl(), context.iamUrl()),
        context.credentials(),
        flags.url().isEmpty() ? context.urls() : List.of(),
        context.tls());
  }

  private static void checkApplicable(TargetFlags flags, Vendor vendor, String what) {
    for (String flag : flags.fieldFlags().keySet()) {
      if (!VendorDescriptions.of(vendor).keys().contains(flag.substring(2))) {
        throw CliException.usage(flag + " does not apply to " + what);
      }
    }
  }

  private static void requireFlag(List<String> missing, String value, String flag) {
    if (value.isEmpty()) {
      missing.add(flag);
    }
  }

  private static String override(String flag, String fromContext) {
    return flag.isEmpty() ? fromContext : flag;
  }
}
