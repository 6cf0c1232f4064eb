package io.connectctl.client.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated sealed interface that stands for an OpenAPI {@code oneOf} without a
 * discriminator. A JSON object is read as the one variant whose required properties (see {@link
 * ModelSchema#required()}) are all present; if none or several match, reading fails with a message
 * naming the candidates.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneOf {
  /** The variant records, in spec order. */
  Class<?>[] value();
}
