package io.connectctl.facade;

import io.connectctl.facade.confluent.ConfluentRules;
import io.connectctl.facade.kafkaconnect.KafkaConnectRules;
import io.connectctl.facade.redpanda.RedpandaRules;
import io.connectctl.facade.yandex.YandexRules;

/** The backends connectctl speaks to: three managed clouds and self-managed Kafka Connect. */
public enum Vendor {
  /** Redpanda Cloud, Data Plane API (Kafka Connect). */
  REDPANDA("redpanda"),
  /** Confluent Cloud, Connect v1. */
  CONFLUENT("confluent"),
  /** Yandex Cloud Managed Service for Apache Kafka, connector service. */
  YANDEX("yandex"),
  /**
   * Self-managed Apache Kafka Connect (its own REST API): Strimzi, plain {@code
   * connect-distributed} and the like.
   */
  KAFKA_CONNECT("kafka-connect");

  private final String id;

  Vendor(String id) {
    this.id = id;
  }

  /** The lower-case name used in configs, flags and JSON output. */
  public String id() {
    return id;
  }

  /** What this vendor's API accepts and how it behaves, as defined in the vendor's package. */
  public VendorRules rules() {
    return switch (this) {
      case REDPANDA -> RedpandaRules.INSTANCE;
      case CONFLUENT -> ConfluentRules.INSTANCE;
      case YANDEX -> YandexRules.INSTANCE;
      case KAFKA_CONNECT -> KafkaConnectRules.INSTANCE;
    };
  }

  /**
   * Parses {@code redpanda}, {@code confluent}, {@code yandex} or {@code kafka-connect} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Vendor fromId(String id) {
    for (Vendor v : values()) {
      if (v.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("Unknown vendor '" + id + "': expected " + choices());
  }

  /** The vendor ids as a reader expects them listed, e.g. {@code redpanda, confluent or yandex}. */
  public static String choices() {
    Vendor[] all = values();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < all.length; i++) {
      text.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return id;
  }
}
