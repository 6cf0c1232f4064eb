package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;

/**
 * {@code offsets reset NAME…}: clears committed offsets, so each connector starts over. On Kafka
 * Connect the connector must be STOPPED first ({@code connectctl stop NAME --wait}); the check is
 * made before anything is sent.
 */
@Command(
    name = "reset",
    description =
        "Clear a connector's committed offsets (Kafka Connect: the connector must be STOPPED).")
final class OffsetsResetCommand extends MutationCommand {
  OffsetsResetCommand() {
    super(
        "reset offsets", "offsets reset", ConnectorClient::resetOffsets, Capability.RESET_OFFSETS);
  }
}
