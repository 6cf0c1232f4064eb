/**
 * The client for self-managed Apache Kafka Connect, over its own REST API: {@link
 * io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient}.
 */
@NullMarked
package io.connectctl.facade.kafkaconnect;

import org.jspecify.annotations.NullMarked;
