package io.connectctl.cli.vendors;

import io.connectctl.facade.Vendor;
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
}
