/**
 * The connectctl SDK: one vendor-neutral API for Kafka Connect connectors on four backends:
 * Redpanda Cloud, Confluent Cloud, Yandex Cloud Managed Kafka and self-managed Kafka Connect.
 *
 * <p>Public API: this package ({@link io.connectctl.facade.ConnectorClient}, the records it
 * returns, the {@link io.connectctl.facade.errors.ConnectCloudException} family in {@code
 * io.connectctl.facade.errors} with one {@link io.connectctl.facade.errors.ErrorKind} per case,
 * retry and polling policies, {@link io.connectctl.facade.Credentials}), the credential
 * implementations in {@code io.connectctl.facade.auth}, and the vendor clients with their builders
 * in {@code io.connectctl.facade.redpanda}, {@code .confluent}, {@code .yandex} and {@code
 * .kafkaconnect}. These are the packages the module exports. {@code io.connectctl.facade.internal}
 * is the implementation they share: not exported, not API, and it may change in any release.
 *
 * <p>Nullness: every exported package is {@code @NullMarked} (JSpecify): a parameter, return value
 * or record component is never null unless its type says {@code @Nullable}. Absent values are
 * mostly {@code Optional}.
 */
@NullMarked
package io.connectctl.facade;

import org.jspecify.annotations.NullMarked;
