package io.connectctl.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The target flags given on the command line: {@code --context}, {@code --vendor} (empty strings
 * when not given) and the flags of the vendors' context keys ({@code --url}, {@code --cluster} …,
 * see {@link io.connectctl.cli.vendors.VendorDescriptions#flags()}).
 *
 * @param context {@code --context}
 * @param vendor {@code --vendor}
 * @param keys the values of the key flags given, by key name (without {@code --}); flags not given
 *     or given empty are left out
 */
public record TargetFlags(String context, String vendor, Map<String, String> keys) {

  /** Replaces absent values with empty ones and drops empty key values. */
  public TargetFlags {
    context = Objects.requireNonNullElse(context, "");
    vendor = Objects.requireNonNullElse(vendor, "");
    Map<String, String> given = new LinkedHashMap<>();
    if (keys != null) {
      keys.forEach(
          (key, value) -> {
            if (value != null && !value.isEmpty()) {
              given.put(key, value);
            }
          });
    }
    keys = Collections.unmodifiableMap(given);
  }

  /** The value of the key flag {@code --name}, empty when not given. */
  public String key(String name) {
    return keys.getOrDefault(name, "");
  }

  /**
   * The field-setting flags that were given, by flag name (everything but {@code --context} and
   * {@code --vendor}).
   */
  public Map<String, String> fieldFlags() {
    Map<String, String> given = new LinkedHashMap<>();
    keys.forEach((key, value) -> given.put("--" + key, value));
    return given;
  }
}
