package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up warm-up runs for commands, not for help or the version. */
class WarmUpTest {
  @Test
  void commandsAreWarmedUpHelpAndVersionAreNot() {
    assertTrue(WarmUp.wanted("get", "connectors"));
    assertTrue(WarmUp.wanted("--context", "prod", "status", "orders"));
    assertFalse(WarmUp.wanted());
    assertFalse(WarmUp.wanted("--version"));
    assertFalse(WarmUp.wanted("-V"));
    assertFalse(WarmUp.wanted("get", "connectors", "--help"));
    assertFalse(WarmUp.wanted("-h"));
  }
}
