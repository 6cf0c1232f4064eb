package io.connectctl.client.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated enum type as open: a record with a single {@code String value} component whose
 * known values are constants. A value the spec does not list still parses and keeps its raw text,
 * so a vendor adding a state never breaks a client.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenEnum {}
