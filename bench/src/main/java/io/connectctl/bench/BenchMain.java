package io.connectctl.bench;

import java.util.Arrays;

/**
 * Entry point of the benchmarks jar: {@code java -jar bench/target/benchmarks.jar SECTION}, where
 * SECTION is {@code micro} (1), {@code bulk} (2 and 3), {@code listing} (4), {@code wait} (5),
 * {@code cli} (6), {@code sdk} (7), {@code fleet} (8) or {@code report}. {@code bench/run} runs
 * them all, each in its own JVM, from the repository root.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs one section. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: BenchMain micro|bulk|listing|wait|cli|sdk|fleet|report [args]");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "micro" -> MicroBench.main(rest);
      case "bulk" -> BulkBench.main(rest);
      case "listing" -> ListingBench.main(rest);
      case "wait" -> WaitBench.main(rest);
      case "cli" -> CliStartupBench.main(rest);
      case "sdk" -> SdkStartBench.main(rest);
      case "fleet" -> FleetBench.main(rest);
      case "report" -> Report.main(rest);
      default -> {
        System.err.println("Unknown section " + args[0]);
        System.exit(2);
      }
    }
  }
}
