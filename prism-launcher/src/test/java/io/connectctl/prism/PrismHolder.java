package io.connectctl.prism;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A JVM that starts one Prism mock, prints its pid and port, and waits to be killed (see {@link
 * OrphanTest}).
 */
public final class PrismHolder {
  private PrismHolder() {}

  /** {@code args}: the Prism launcher and the spec. */
  public static void main(String[] args) throws InterruptedException {
    PrismMock mock =
        PrismMock.startAndAwait(
            Path.of(args[0]), Path.of(args[1]), OptionalLong.empty(), System.getenv());
    System.out.println(mock.pid() + " " + mock.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
