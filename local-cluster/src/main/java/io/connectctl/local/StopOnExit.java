package io.connectctl.local;

import java.util.Properties;

/**
 * The shutdown hook of a cluster tied to its caller: when this JVM exits it stops the children the
 * pid file records, provided this JVM is still the recorded owner (a later run may have taken over
 * the data directory).
 */
final class StopOnExit {
  private final Sandbox sandbox;
  private final PidFile pidFile;
  private Thread hook;

  StopOnExit(Sandbox sandbox, PidFile pidFile) {
    this.sandbox = sandbox;
    this.pidFile = pidFile;
  }

  /** Installs the hook unless it is installed already. */
  synchronized void install() {
    if (hook == null) {
      hook = new Thread(this::stopOwnChildren, "connectctl-local-cluster-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** Removes the hook if it is installed. */
  synchronized void remove() {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
      hook = null;
    }
  }

  private void stopOwnChildren() {
    Properties run = sandbox.readRun();
    if (run.isEmpty()
        || !Long.toString(ProcessHandle.current().pid()).equals(run.getProperty("owner.pid"))) {
      return;
    }
    for (String role : PidFile.CHILDREN) {
      pidFile.recorded(run, role).ifPresent(ChildJvms::terminate);
    }
    sandbox.deleteRunQuietly();
  }
}
