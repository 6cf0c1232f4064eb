/**
 * Local gateways that speak Redpanda's Data Plane API ({@link
 * io.connectctl.gateways.RedpandaGateway}), Confluent's Connect v1 API ({@link
 * io.connectctl.gateways.ConfluentGateway}) and Yandex's connector and operation services ({@link
 * io.connectctl.gateways.YandexGateway}) over one real Kafka Connect worker ({@link
 * io.connectctl.gateways.ConnectWorker}), as the curated specs in {@code specs/} describe those
 * APIs.
 *
 * <p>A test and sandbox tool, never part of the SDK jars. Each gateway is a JDK HTTP server on a
 * free loopback port; it keeps state only where the cloud does and otherwise asks the worker at
 * each request. Where a behaviour is inferred rather than documented by the vendor, the module's
 * README says so.
 */
package io.connectctl.gateways;
