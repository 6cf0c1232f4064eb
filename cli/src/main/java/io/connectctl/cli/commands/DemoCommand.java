package io.connectctl.cli.commands;

import io.connectctl.cli.demo.Demo;
import picocli.CommandLine.Command;

/** {@code demo}: the no-account tour on the local gateways over a real worker. */
@Command(
    name = "demo",
    description =
        "Tour connectctl on a real local Kafka Connect worker through local gateways "
            + "that speak Redpanda's, Confluent's and Yandex's APIs (no account needed).")
final class DemoCommand extends BaseCommand {
  @Override
  public Integer call() {
    return new Demo(root().environment()).run();
  }
}
