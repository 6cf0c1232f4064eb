package io.connectctl.cli.reconcile;

/**
 * SIGTERM and SIGINT for a long-running command: instead of the JVM's shutdown (exit 143 or 130),
 * {@code onTermination} runs, and the command ends its work in flight and returns 0. Only for
 * connectctl as its own process ({@link io.connectctl.cli.ConnectCtl#ownsProcess()}).
 */
public final class Signals {
  private Signals() {}

  /** Runs {@code stop} on SIGTERM or SIGINT from now on. */
  @SuppressWarnings("restriction")
  public static void onTermination(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // this platform does not deliver that signal: the JVM's default stays
      }
    }
  }
}
