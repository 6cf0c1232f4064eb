package io.connectctl.cli.vendors;

import static java.util.stream.Collectors.joining;

import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The vendors the CLI knows: the one list a new vendor is added to. */
public final class VendorDescriptions {
  private static final List<VendorDescription> ALL =
      List.of(
          Redpanda.DESCRIPTION,
          Confluent.DESCRIPTION,
          Yandex.DESCRIPTION,
          KafkaConnect.DESCRIPTION);
  private static final Map<Vendor, VendorDescription> BY_VENDOR =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(VendorDescription::vendor, Function.identity()));

  private VendorDescriptions() {}

  /** The description of {@code vendor}. */
  public static VendorDescription of(Vendor vendor) {
    VendorDescription description = BY_VENDOR.get(vendor);
    if (description == null) {
      throw new IllegalStateException("no CLI description for vendor " + vendor);
    }
    return description;
  }

  /** Every description, in the order vendors are listed. */
  public static List<VendorDescription> all() {
    return ALL;
  }

  /**
   * A target flag {@code --NAME LABEL}: one per name of a key that is a flag, whichever vendors
   * declare it.
   *
   * @param name the key, the flag without its {@code --}
   * @param label the value label
   * @param description the help: the key's own, or those of the vendors' keys of that name joined
   */
  public record KeyFlag(String name, String label, String description) {}

  /** The target flags, in the order the vendors list their keys. */
  public static List<KeyFlag> flags() {
    Map<String, List<ContextKey<?>>> byName = new LinkedHashMap<>();
    for (VendorDescription description : ALL) {
      for (ContextKey<?> key : description.keys()) {
        if (key.isFlag()) {
          List<ContextKey<?>> same = byName.computeIfAbsent(key.name(), n -> new ArrayList<>());
          if (!same.contains(key)) {
            same.add(key);
          }
        }
      }
    }
    List<KeyFlag> flags = new ArrayList<>();
    byName.forEach(
        (name, keys) ->
            flags.add(
                new KeyFlag(
                    name,
                    keys.get(0).label().orElseThrow(),
                    keys.stream().map(key -> key.help().orElseThrow()).collect(joining("; "))
                        + ".")));
    return List.copyOf(flags);
  }
}
