package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.cli.demo.CloudTour;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's cloud tour on the three gateways over the real worker (each through its validating
 * Prism proxy): a connector created, paused and resumed per cloud, the vendor's state printed
 * beside the worker's, and the tour failing when the two cannot be shown to agree.
 */
class CloudTourTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  @TempDir Path dir;

  /** How many of {@code run}'s stdout lines say {@code label} then {@code state}. */
  private static long lines(CliRun run, String label, String state) {
    return run.out()
        .lines()
        .filter(l -> l.matches("\\s+" + java.util.regex.Pattern.quote(label) + "\\s+" + state))
        .count();
  }

  private CliRun tour(Sandbox s, String workerUrl) {
    CloudTour.Gateways gateways =
        new CloudTour.Gateways(
            s.redpandaProxy.url(),
            s.confluentProxy.url(),
            s.confluent.environmentId(),
            s.confluent.clusterId(),
            s.yandexProxy.url(),
            s.yandex.clusterId());
    return CliRun.capture(
        Map.of("PATH", System.getenv().getOrDefault("PATH", "")),
        dir,
        new VendorClientFactory(),
        "",
        env -> new CloudTour(env, gateways, workerUrl, dir).run());
  }

  @Test
  void eachCloudCreatesPausesAndResumesOnTheRealWorker() throws Exception {
    Sandbox s = SANDBOX.sandbox();
    WorkerView worker = new WorkerView(s.worker);
    CliRun run = tour(s, s.worker.url());
    assertEquals(0, run.exitCode(), run::toString);
    for (String heading :
        new String[] {
          "## Redpanda (context local-redpanda)",
          "## Confluent (context local-confluent)",
          "## Yandex (context local-yandex)"
        }) {
      assertTrue(run.out().contains(heading), run::toString);
    }
    assertTrue(
        run.out().contains("$ connectctl pause orders-yandex --context local-yandex --wait"),
        run::toString);
    // per cloud: RUNNING after create, PAUSED after pause, RUNNING after resume, from the vendor
    // and the worker
    assertEquals(3, lines(run, "state the vendor's API reports:", "PAUSED"), run::toString);
    assertEquals(3, lines(run, "state the worker reports:", "PAUSED"), run::toString);
    assertEquals(6, lines(run, "state the vendor's API reports:", "RUNNING"), run::toString);
    assertEquals(6, lines(run, "state the worker reports:", "RUNNING"), run::toString);
    assertTrue(
        run.out()
            .contains(
                "Cloud tour finished: all 21 steps worked, and the worker agreed with every cloud."),
        run::toString);
    assertFalse(run.err().contains("error:"), run::toString);
    for (String name : new String[] {"orders-redpanda", "orders-confluent", "orders-yandex"}) {
      assertFalse(worker.exists(name), name + " was left on the worker");
    }
  }

  @Test
  void failsWhenTheWorkersOwnStateCannotBeShown() throws Exception {
    Sandbox s = SANDBOX.sandbox();
    // a worker URL where nothing listens: the vendor's side works, but no agreement can be shown
    CliRun run = tour(s, "http://127.0.0.1:9");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Cloud tour finished: 9 of 21 checks failed."), run::toString);
    assertTrue(
        run.err()
            .contains(
                "error: cloud tour: local-redpanda orders-redpanda: expected PAUSED from both, the "
                    + "vendor said PAUSED and the worker (unreachable"),
        run::toString);
  }
}
