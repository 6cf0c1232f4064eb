package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.vendors.VendorDescription;
import io.connectctl.cli.vendors.VendorDescriptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's credential fields stand for variables the facade's vendor rules actually read. */
class CredentialVariablesTest {
  @Test
  void everyCredentialFieldNamesAVariableTheVendorReads() {
    for (VendorDescription description : VendorDescriptions.all()) {
      List<String> read = description.vendor().rules().credentialVariables();
      assertFalse(description.credentialFields().isEmpty(), description.vendor().id());
      for (String variable : description.credentialFields().values()) {
        assertTrue(
            read.contains(variable),
            description.vendor() + ": " + variable + " is not among " + read);
      }
    }
  }
}
