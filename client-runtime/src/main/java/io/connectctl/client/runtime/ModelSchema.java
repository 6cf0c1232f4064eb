package io.connectctl.client.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the spec says of a generated model record: its schema name and its required JSON properties.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelSchema {
  /** The component schema name in the spec. */
  String name();

  /** The JSON names of the properties the spec marks required. */
  String[] required() default {};

  /**
   * The adapter the generator wrote for the record (a {@code JsonAdapter} with a constructor taking
   * the {@code Moshi} instance), or {@code Void} to let Moshi read the record by reflection.
   */
  Class<?> adapter() default Void.class;
}
