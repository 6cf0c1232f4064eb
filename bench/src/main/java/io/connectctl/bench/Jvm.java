package io.connectctl.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Starts another JVM on this one's class path (the benchmarks jar), as JMH does for its forks. */
public final class Jvm {
  private Jvm() {}

  /** The {@code java} launcher of the running JVM. */
  public static String java() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /** A command line running {@code mainClass} with {@code jvmArgs} and {@code args}. */
  public static List<String> command(List<String> jvmArgs, Class<?> mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmArgs);
    for (String property : List.of("bench.rows", "connectctl.specs")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }
}
