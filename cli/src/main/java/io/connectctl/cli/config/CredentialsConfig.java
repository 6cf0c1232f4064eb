package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.vendors.VendorDescription;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code credentials} section of a context: exactly one of
 *
 * <ul>
 *   <li>{@code env: {FIELD: VARIABLE, …}} — the environment variables to read;
 *   <li>{@code file: PATH} — a token file (Redpanda), a service-account key or IAM token file
 *       (Yandex), or a YAML file with {@code api-key} and {@code api-secret} (Confluent);
 *   <li>{@code inline: {FIELD: VALUE, …}} with {@code insecure-inline-secret: true} — the secret
 *       itself, only when the user insists.
 * </ul>
 *
 * The fields are each vendor's {@link VendorDescription#credentialFields()}.
 */
public final class CredentialsConfig {
  private static final Set<String> KEYS = Set.of("env", "file", "inline", "insecure-inline-secret");

  private CredentialsConfig() {}

  /**
   * Parses a {@code credentials} section; {@code where} names the file and context for messages.
   */
  static CredentialSource parse(String where, Vendor vendor, Object raw) {
    String at = where + ", key 'credentials'";
    if (!(raw instanceof Map<?, ?> section)) {
      throw CliException.usage(at + ": must be a mapping with one of env, file, inline");
    }
    for (Object key : section.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw CliException.usage(
            at
                + ": unknown key '"
                + key
                + "' (allowed: env, file, inline, insecure-inline-secret)");
      }
    }
    long sources =
        section.keySet().stream()
            .map(String::valueOf)
            .filter(k -> !k.equals("insecure-inline-secret"))
            .count();
    if (sources != 1) {
      throw CliException.usage(at + ": give exactly one of env, file, inline");
    }
    if (section.containsKey("env")) {
      return new CredentialSource.Environment(fields(at + ".env", vendor, section.get("env")));
    }
    if (section.containsKey("file")) {
      Object file = section.get("file");
      if (file == null
          || file instanceof Map
          || file instanceof List
          || String.valueOf(file).isBlank()) {
        throw CliException.usage(at + ".file: must be a file path");
      }
      return new CredentialSource.File(String.valueOf(file));
    }
    if (!Boolean.TRUE.equals(section.get("insecure-inline-secret"))) {
      throw CliException.usage(
          at
              + ".inline: secrets written in the config file need 'insecure-inline-secret: true'"
              + " beside them; prefer env (variable names) or file");
    }
    return new CredentialSource.Inline(fields(at + ".inline", vendor, section.get("inline")));
  }

  private static Map<String, String> fields(String at, Vendor vendor, Object raw) {
    VendorDescription description = VendorDescriptions.of(vendor);
    Map<String, String> known = description.credentialFields();
    if (!(raw instanceof Map<?, ?> map)) {
      throw CliException.usage(at + ": must be a mapping of " + String.join(", ", known.keySet()));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String field = String.valueOf(entry.getKey());
      if (!known.containsKey(field)) {
        throw CliException.usage(
            at
                + ": unknown key '"
                + field
                + "' (allowed for "
                + vendor
                + ": "
                + String.join(", ", known.keySet())
                + ")");
      }
      Object value = entry.getValue();
      if (!isSingleValue(value)) {
        throw CliException.usage(at + "." + field + ": must be a single non-empty value");
      }
      out.put(field, String.valueOf(value));
    }
    if (description.credentialCombinations().stream().noneMatch(set -> set.equals(out.keySet()))) {
      throw CliException.usage(
          at
              + ": give "
              + description.credentialCombinations().stream()
                  .map(
                      set ->
                          String.join(
                              " and ", known.keySet().stream().filter(set::contains).toList()))
                  .reduce((a, b) -> a + ", or " + b)
                  .orElse("")
              + " (got: "
              + String.join(", ", out.keySet())
              + ")");
    }
    return out;
  }

  /**
   * Whether a value read from the config file is one non-blank scalar (not absent, not a map, not a
   * list): what a file path or a credential field must be.
   */
  public static boolean isSingleValue(Object value) {
    return value != null
        && !(value instanceof Map)
        && !(value instanceof List)
        && !String.valueOf(value).isBlank();
  }
}
