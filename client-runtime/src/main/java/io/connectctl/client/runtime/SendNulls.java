package io.connectctl.client.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated interface method whose request body must keep its {@code null} values on the
 * wire (for example a configuration patch where {@code null} removes a key). Other bodies leave
 * nulls out. The spec asks for it with {@code x-send-nulls: true} on the operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SendNulls {}
