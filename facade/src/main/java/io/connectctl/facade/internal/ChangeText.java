package io.connectctl.facade.internal;

/** Internal: how every {@link io.connectctl.facade.PendingChange} shows in {@code toString()}. */
public final class ChangeText {
  private ChangeText() {}

  /**
   * {@code PendingChange[connector=orders, target=PAUSED]}, with {@code , operation=id} when there
   * is an operation id and {@code , state=...} when {@code state} is not empty.
   */
  public static String describe(String connector, String target, String operationId, String state) {
    return "PendingChange[connector="
        + connector
        + ", target="
        + target
        + (operationId == null || operationId.isEmpty() ? "" : ", operation=" + operationId)
        + (state == null || state.isEmpty() ? "" : ", " + state)
        + "]";
  }
}
