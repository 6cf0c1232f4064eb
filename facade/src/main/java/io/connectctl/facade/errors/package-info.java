/**
 * The exceptions every client throws, split by kind: {@link ConnectCloudException} is the root,
 * {@link ErrorKind} names the kind (and the CLI's exit code), and {@link ErrorContext} says which
 * vendor, operation and connector an error is about. A refusal made before anything is sent (a bad
 * name, a missing setting, an operation the vendor lacks) is one of these too.
 */
@NullMarked
package io.connectctl.facade.errors;

import org.jspecify.annotations.NullMarked;
