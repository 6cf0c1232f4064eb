package io.connectctl.client.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated sealed interface that stands for an OpenAPI {@code oneOf}. Without a
 * discriminator, a JSON object is read as the one variant whose required properties (see {@link
 * ModelSchema#required()}) are all present; with one, as the variant its discriminator value maps
 * to. An object that matches no known variant, or whose discriminator value is not mapped, is read
 * as the interface's {@link UnknownVariant} case, keeping its JSON; an object that matches several
 * variants (a defect of the spec) fails with a message naming them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneOf {
  /** The variant records, in spec order. */
  Class<?>[] value();

  /** The JSON property holding the discriminator, or empty when there is none. */
  String discriminator() default "";

  /**
   * The discriminator values, each as {@code value=SimpleClassName} of a variant in {@link
   * #value()}; a variant not listed here is named by its own simple class name.
   */
  String[] mapping() default {};
}
