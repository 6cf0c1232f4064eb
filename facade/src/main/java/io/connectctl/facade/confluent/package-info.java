/**
 * Confluent Cloud (Connect v1): {@link io.connectctl.facade.confluent.ConfluentConnectorClient} and
 * its builder.
 */
package io.connectctl.facade.confluent;
