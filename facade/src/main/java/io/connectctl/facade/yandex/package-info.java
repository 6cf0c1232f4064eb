/**
 * Yandex Cloud Managed Service for Apache Kafka (connector service): {@link
 * io.connectctl.facade.yandex.YandexConnectorClient} and its builder.
 */
@NullMarked
package io.connectctl.facade.yandex;

import org.jspecify.annotations.NullMarked;
