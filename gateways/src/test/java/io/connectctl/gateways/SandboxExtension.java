package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the shared {@link Sandbox} and fails any test during which one of the Prism
 * proxies reported a contract violation (request or response not matching the curated spec).
 */
final class SandboxExtension implements BeforeAllCallback, AfterEachCallback {
  private Sandbox sandbox;

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = Sandbox.get(context);
  }

  Sandbox sandbox() {
    return sandbox;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    StringBuilder report = new StringBuilder();
    for (PrismProxy proxy :
        new PrismProxy[] {sandbox.redpandaProxy, sandbox.confluentProxy, sandbox.yandexProxy}) {
      String r = proxy.report();
      if (!r.isEmpty()) {
        report.append(r).append('\n');
      }
      proxy.clearViolations();
    }
    if (report.length() > 0) {
      fail("Prism reported contract violations:\n" + report);
    }
  }
}
