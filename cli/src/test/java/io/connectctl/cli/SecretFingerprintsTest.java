package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.apply.SecretFingerprints;
import io.connectctl.facade.SecretValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed fingerprint apply records on secrets. */
class SecretFingerprintsTest {
  @TempDir Path home;

  @Test
  void noKeyNoFingerprintAndNothingCreatedUnlessAsked() {
    SecretFingerprints none = SecretFingerprints.load(home, false);
    assertFalse(none.hasKey());
    assertTrue(none.of("s", SecretValues.of("k", "v")).isEmpty());
    assertFalse(Files.exists(SecretFingerprints.keyFile(home)));
  }

  @Test
  void stableForTheSameKeyAndInputDifferentOtherwise() {
    SecretFingerprints a = SecretFingerprints.load(home, true);
    SecretFingerprints again = SecretFingerprints.load(home, false);
    SecretValues values = SecretValues.of(Map.of("password", "hunter2", "user", "dbz"));
    String fingerprint = a.of("s1", values).orElseThrow();
    assertEquals(48, fingerprint.length());
    assertEquals(
        fingerprint,
        again
            .of("s1", SecretValues.of(Map.of("user", "dbz", "password", "hunter2")))
            .orElseThrow());
    assertNotEquals(fingerprint, a.of("s2", values).orElseThrow(), "the name is part of it");
    assertNotEquals(
        fingerprint,
        a.of("s1", SecretValues.of(Map.of("password", "hunter3", "user", "dbz"))).orElseThrow());
    // keys and values cannot run together: {a: bc} and {ab: c} differ
    assertNotEquals(a.of("s", SecretValues.of("a", "bc")), a.of("s", SecretValues.of("ab", "c")));
  }

  @Test
  void anotherKeyGivesAnotherFingerprint(@TempDir Path otherHome) {
    SecretValues values = SecretValues.of("password", "hunter2");
    assertNotEquals(
        SecretFingerprints.load(home, true).of("s", values),
        SecretFingerprints.load(otherHome, true).of("s", values));
  }

  @Test
  void theKeyLivesInTheUserConfigDirectory() {
    assertEquals(
        home.resolve(".config/connectctl/apply-secrets.key"), SecretFingerprints.keyFile(home));
    assertEquals(
        Path.of("/xdg/connectctl/apply-secrets.key"),
        SecretFingerprints.keyFile(home, Map.of("XDG_CONFIG_HOME", "/xdg")));
    assertEquals(
        SecretFingerprints.keyFile(home),
        SecretFingerprints.keyFile(home, Map.of("XDG_CONFIG_HOME", "rel")));
  }

  @Test
  void aMalformedKeyFileIsAUsageError() throws IOException {
    Path key = SecretFingerprints.keyFile(home);
    Files.createDirectories(key.getParent());
    Files.writeString(key, "not hex");
    CliException e = assertThrows(CliException.class, () -> SecretFingerprints.load(home, true));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
  }
}
