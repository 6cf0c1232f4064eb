package io.connectctl.facade.yandex;

import io.connectctl.client.yandex.model.UpdateConnectorRequest;
import io.connectctl.client.yandex.model.UpdateConnectorSpec;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The PATCH that turns a connector's current flat config into the desired one: an {@code
 * updateMask} naming exactly the fields that change, and the body carrying their new values.
 *
 * <p>What counts as a change:
 *
 * <ul>
 *   <li>a key present in the desired config whose value differs from the current one (or that the
 *       current config lacks);
 *   <li>a key the server returned that the desired config leaves out: the field is reset to its
 *       default.
 * </ul>
 *
 * Write-only secrets ({@code saslPassword}, {@code sslTruststoreCertificates}, {@code
 * secretAccessKey}) are never returned by Yandex, so they are never in the current config: leaving
 * them out of the desired config keeps the stored secret, and giving one sends it (the facade
 * cannot tell whether it differs from the stored one).
 *
 * <p>How changes become mask paths (each prefixed {@code connectorSpec.}):
 *
 * <ul>
 *   <li>{@code tasksMax} and typed config leaves: their own path, e.g. {@code
 *       connectorSpec.connectorConfigMirrormaker.topics}.
 *   <li>any change to {@code properties.*}: the single path {@code connectorSpec.properties}, with
 *       the whole desired property map in the body. Yandex replaces a masked map as a whole (its
 *       own API tests show a mask of {@code connector_spec.properties} dropping keys the body
 *       leaves out), which is the only way to remove a property; per-key paths would also clash
 *       with property names that contain dots.
 * </ul>
 *
 * The body is pruned to the masked fields when it is written ({@link UpdateBodyJson}). The paths
 * are sorted, so the same change always gives the same mask.
 *
 * @param updateMask the comma-separated mask
 * @param spec the desired config as an update spec (pruned to the mask on the wire)
 * @param changedKeys the flat keys that change, sorted
 */
record YandexUpdatePlan(String updateMask, UpdateConnectorSpec spec, List<String> changedKeys) {
  private static final String SPEC = "connectorSpec.";

  /** The request to send. */
  UpdateConnectorRequest request() {
    return new UpdateConnectorRequest(updateMask, spec);
  }

  /** Shows the mask only: the spec may hold secrets. */
  @Override
  public String toString() {
    return "YandexUpdatePlan[updateMask=" + updateMask + "]";
  }

  /**
   * The plan for changing {@code current} into {@code desired}, empty when nothing changes.
   *
   * @param desired the whole desired config, already checked with {@link
   *     YandexConfigMapping#toSpec}
   * @throws InvalidRequestException when the change needs a different connector kind, or touches
   *     fields Yandex cannot update
   */
  static Optional<YandexUpdatePlan> plan(
      String name, Map<String, String> current, Map<String, String> desired) {
    TreeSet<String> changed = new TreeSet<>();
    desired.forEach(
        (key, value) -> {
          if (!Objects.equals(value, current.get(key))) {
            changed.add(key);
          }
        });
    current.keySet().stream().filter(key -> !desired.containsKey(key)).forEach(changed::add);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    String currentKind = YandexConfigMapping.kind(current);
    String desiredKind = YandexConfigMapping.kind(desired);
    if (!currentKind.isEmpty() && !currentKind.equals(desiredKind)) {
      throw refuse(
          name,
          "it is a "
              + currentKind
              + " connector and yandex cannot change a connector's kind to "
              + desiredKind
              + "; delete it and create it again",
          List.of(desiredKind));
    }
    List<String> fixed =
        changed.stream().filter(key -> !YandexConfigMapping.isUpdatable(key)).toList();
    if (!fixed.isEmpty()) {
      throw refuse(
          name,
          String.join(", ", fixed)
              + (fixed.size() == 1 ? " is" : " are")
              + " fixed when a yandex connector is created and cannot be updated; delete it and create it again",
          fixed);
    }
    TreeSet<String> paths = new TreeSet<>();
    for (String key : changed) {
      paths.add(
          key.startsWith(YandexConfigMapping.PROPERTIES + ".")
              ? SPEC + YandexConfigMapping.PROPERTIES
              : SPEC + key);
    }
    UpdateConnectorSpec spec = YandexConfigMapping.toUpdateSpec(name, desired);
    return Optional.of(new YandexUpdatePlan(String.join(",", paths), spec, List.copyOf(changed)));
  }

  private static InvalidRequestException refuse(String name, String problem, List<String> fields) {
    List<FieldViolation> violations = new ArrayList<>();
    fields.forEach(f -> violations.add(new FieldViolation(f, problem)));
    return InvalidRequestException.beforeSending(
        Vendor.YANDEX, "Cannot update yandex connector '" + name + "': " + problem, violations);
  }
}
