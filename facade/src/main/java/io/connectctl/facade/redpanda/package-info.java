/**
 * Redpanda Cloud (Data Plane API): {@link io.connectctl.facade.redpanda.RedpandaConnectorClient}
 * and its builder.
 */
package io.connectctl.facade.redpanda;
