package io.connectctl.client.runtime;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a property the spec declares as a JSON string with a {@code format}. The only format
 * that changes the Java type is {@code int64}: a {@link Long} that travels as a string of digits
 * (protobuf's JSON mapping).
 */
@Documented
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
public @interface WireFormat {
  /** The OpenAPI {@code format} of the string, e.g. {@code int64}. */
  String value();
}
