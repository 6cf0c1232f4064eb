package io.connectctl.facade.errors;

import io.connectctl.facade.Capability;
import io.connectctl.facade.Vendor;

/** The vendor does not offer an operation; thrown before any request is sent. */
public class UnsupportedCapabilityException extends ConnectCloudException {
  private final Capability capability;

  /**
   * @param vendor the vendor
   * @param capability the operation it lacks
   */
  public UnsupportedCapabilityException(Vendor vendor, Capability capability) {
    super(
        vendor + " does not support " + capability.description(),
        ErrorKind.UNSUPPORTED,
        ErrorContext.of(vendor),
        null);
    this.capability = capability;
  }

  /**
   * The operation exists on the vendor but not on the server at hand (e.g. an older Kafka Connect
   * worker).
   *
   * @param message says which version the operation needs and which the server runs
   */
  public UnsupportedCapabilityException(Vendor vendor, Capability capability, String message) {
    super(message, ErrorKind.UNSUPPORTED, ErrorContext.of(vendor), null);
    this.capability = capability;
  }

  /** The operation the vendor lacks. */
  public Capability capability() {
    return capability;
  }
}
