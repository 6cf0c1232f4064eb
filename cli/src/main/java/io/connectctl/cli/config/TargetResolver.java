package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.vendors.ContextKey;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      for (ContextKey<String> key : VendorDescriptions.of(vendor).requiredKeys()) {
        requireFlag(
            missing, flags.key(key.name()), "--" + key.name() + " " + key.label().orElseThrow());
      }
      if (!missing.isEmpty()) {
        throw CliException.usage("--vendor " + vendor + " needs " + String.join(" and ", missing));
      }
      return new Target(
          Target.AD_HOC,
          vendor,
          new LinkedHashMap<>(flags.keys()),
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
    return overridden(context, flags);
  }

  /**
   * {@code context} with the key flags given in place of its own values; a key that yields to a
   * flag given (a context's {@code urls} to {@code --url}) is dropped.
   */
  private static Target overridden(Target context, TargetFlags flags) {
    Map<String, Object> values = new LinkedHashMap<>(context.values());
    values.putAll(flags.keys());
    for (ContextKey<?> key : VendorDescriptions.of(context.vendor()).keys()) {
      if (key.yieldsTo().filter(flags.keys()::containsKey).isPresent()) {
        values.remove(key.name());
      }
    }
    return new Target(context.context(), context.vendor(), values, context.credentials());
  }

  private static void checkApplicable(TargetFlags flags, Vendor vendor, String what) {
    for (String flag : flags.fieldFlags().keySet()) {
      if (VendorDescriptions.of(vendor)
          .key(flag.substring(2))
          .filter(ContextKey::isFlag)
          .isEmpty()) {
        throw CliException.usage(flag + " does not apply to " + what);
      }
    }
  }

  private static void requireFlag(List<String> missing, String value, String flag) {
    if (value.isEmpty()) {
      missing.add(flag);
    }
  }
}
