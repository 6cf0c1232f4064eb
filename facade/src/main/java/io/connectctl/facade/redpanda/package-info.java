/**
 * Redpanda Cloud (Data Plane API): {@link io.connectctl.facade.redpanda.RedpandaConnectorClient}
 * and its builder.
 */
@NullMarked
package io.connectctl.facade.redpanda;

import org.jspecify.annotations.NullMarked;
