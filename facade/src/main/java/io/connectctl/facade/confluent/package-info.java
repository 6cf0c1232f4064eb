/**
 * Confluent Cloud (Connect v1): {@link io.connectctl.facade.confluent.ConfluentConnectorClient} and
 * its builder.
 */
@NullMarked
package io.connectctl.facade.confluent;

import org.jspecify.annotations.NullMarked;
