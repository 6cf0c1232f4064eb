package io.connectctl.facade.errors;

import java.util.Objects;

/**
 * One reason a request was refused.
 *
 * @param field the field path, empty if the vendor did not name one
 * @param description what is wrong with it
 */
public record FieldViolation(String field, String description) {
  /** Replaces absent values with empty ones. */
  public FieldViolation {
    field = Objects.requireNonNullElse(field, "");
    description = Objects.requireNonNullElse(description, "");
  }
}
