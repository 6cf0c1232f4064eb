package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import java.util.Locale;

/**
 * Not API: how a Kafka Connect worker says it refused a request without acting on it, for the rules
 * of vendors whose API is (or fronts) Kafka Connect.
 */
public final class WorkerRefusals {
  private WorkerRefusals() {}

  /**
   * Whether an error body (or its message, when the body is a known error shape) says a rebalance
   * is in progress or expected, that the worker's view of the configs is stale, or that a
   * conflicting operation is under way: the worker did nothing and the same request may succeed
   * later.
   */
  public static boolean isRebalance(String body) {
    if (body == null) {
      return false;
    }
    VendorErrorBody error = VendorErrorBody.parse(Vendor.REDPANDA, body);
    String text = error.message().isEmpty() ? body : error.message();
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("rebalanc")
        || lower.contains("stale configuration")
        || lower.contains("conflicting operation");
  }
}
