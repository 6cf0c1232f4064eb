package io.connectctl.local;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The entry point of each child JVM: {@code ChildMain PARENT_PID MAIN_CLASS ARGS...}. When
 * PARENT_PID is above zero it watches that process and exits (running Kafka's own shutdown hooks,
 * then halting if they hang) as soon as it is gone, so a caller killed with SIGKILL leaves nothing
 * behind; then it runs MAIN_CLASS with ARGS.
 *
 * <p>The launcher copies this class file into the data directory and puts it first on the child's
 * classpath, so it must use nothing but the JDK.
 */
final class ChildMain {
  private static final long HALT_AFTER_MILLIS = 20_000;

  private ChildMain() {}

  public static void main(String[] args) throws Throwable {
    long parentPid = Long.parseLong(args[0]);
    if (parentPid > 0) {
      ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
      if (parent == null) {
        System.err.println(
            "connectctl local: the launching process " + parentPid + " is gone; exiting");
        Runtime.getRuntime().halt(3);
      }
      parent.onExit().thenRun(() -> parentGone(parentPid));
    }
    Class<?> main = Class.forName(args[1]);
    try {
      main.getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void parentGone(long parentPid) {
    System.err.println(
        "connectctl local: the launching process " + parentPid + " is gone; shutting down");
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException ignored) {
                // halting now is fine too
              }
              Runtime.getRuntime().halt(4);
            },
            "connectctl-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(4);
  }
}
