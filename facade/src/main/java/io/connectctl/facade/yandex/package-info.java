/**
 * Yandex Cloud Managed Service for Apache Kafka (connector service): {@link
 * io.connectctl.facade.yandex.YandexConnectorClient} and its builder.
 */
package io.connectctl.facade.yandex;
