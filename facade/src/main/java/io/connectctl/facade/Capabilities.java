package io.connectctl.facade;

import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one vendor supports.
 *
 * @param vendor the vendor
 * @param supported the operations it supports
 */
public record Capabilities(Vendor vendor, Set<Capability> supported) {
  /** Copies {@code supported} into an immutable set. */
  public Capabilities {
    supported = Set.copyOf(supported);
  }

  /** Whether {@code capability} is supported. */
  public boolean supports(Capability capability) {
    return supported.contains(capability);
  }

  /** The operations the vendor lacks. */
  public Set<Capability> unsupported() {
    EnumSet<Capability> missing = EnumSet.allOf(Capability.class);
    missing.removeAll(supported);
    return missing;
  }

  /**
   * Fails before any request is sent when the vendor lacks {@code capability}.
   *
   * @throws UnsupportedCapabilityException naming the vendor and the operation
   */
  public void require(Capability capability) {
    if (!supports(capability)) {
      throw new UnsupportedCapabilityException(vendor, capability);
    }
  }
}
