/**
 * The connectctl SDK: one API for Kafka Connect connectors on Redpanda Cloud, Confluent Cloud,
 * Yandex Cloud and self-managed Kafka Connect.
 *
 * <p>Exported, and so API: the root package (the vendor-neutral {@code ConnectorClient}, the
 * records it returns, retry and polling policies, {@code Credentials}), {@code errors} (the
 * exceptions), {@code auth} (credential implementations) and one package per vendor with its client
 * and builder. The shared implementation, {@code io.connectctl.facade.internal}, is not exported:
 * code outside this module cannot compile against it, and it may change in any release.
 *
 * <p>{@code okhttp3} is required transitively because a builder accepts an {@code OkHttpClient} to
 * derive from, and {@code org.jspecify} because the exported packages are {@code @NullMarked} (a
 * type is non-null unless marked {@code @Nullable}) and a consumer's nullness checker reads those
 * annotations; the generated clients and the other libraries are implementation.
 */
// OkHttp is an automatic module (a name in its manifest, no descriptor); javac warns about
// requiring such a module transitively, which is what the builders' OkHttpClient parameter needs.
@SuppressWarnings("requires-transitive-automatic")
module io.connectctl.facade {
  exports io.connectctl.facade;
  exports io.connectctl.facade.errors;
  exports io.connectctl.facade.auth;
  exports io.connectctl.facade.redpanda;
  exports io.connectctl.facade.confluent;
  exports io.connectctl.facade.yandex;
  exports io.connectctl.facade.kafkaconnect;
  exports io.connectctl.facade.move;

  requires transitive okhttp3;
  requires transitive org.jspecify;
  requires io.connectctl.client.runtime;
  requires io.connectctl.client.redpanda;
  requires io.connectctl.client.confluent;
  requires io.connectctl.client.yandex;
  requires io.connectctl.client.kafka.connect;
  requires retrofit2;
  requires com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib;
  requires org.slf4j;
}
