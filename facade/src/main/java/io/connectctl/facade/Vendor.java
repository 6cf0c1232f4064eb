package io.connectctl.facade;

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
