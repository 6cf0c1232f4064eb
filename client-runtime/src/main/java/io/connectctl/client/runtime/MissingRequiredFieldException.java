package io.connectctl.client.runtime;

/** A model was built, or a response read, without a property the spec marks required. */
public final class MissingRequiredFieldException extends IllegalArgumentException {
  private final String model;
  private final String field;

  /**
   * @param model the schema name of the model
   * @param field the JSON name of the missing property
   */
  public MissingRequiredFieldException(String model, String field) {
    super(model + "." + field + " is required by the spec but is missing");
    this.model = model;
    this.field = field;
  }

  /** The schema name of the model that lacks the property. */
  public String model() {
    return model;
  }

  /** The JSON name of the missing property. */
  public String field() {
    return field;
  }
}
