package io.connectctl.local;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What {@code run.properties} says about the processes of a run: for each role ({@code owner},
 * {@code broker}, {@code worker}) its pid and start instant, and which of them are still the
 * processes that were recorded. A pid alone is not trusted: the start instant must match and, for a
 * child, its command line must carry the data directory's marker.
 */
final class PidFile {
  /** The children, in the order they are stopped. */
  static final List<String> CHILDREN = List.of("worker", "broker");

  private final Sandbox sandbox;

  PidFile(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Records {@code process} under {@code role} in {@code run}. */
  static void record(Properties run, String role, ProcessHandle process) {
    run.setProperty(role + ".pid", Long.toString(process.pid()));
    run.setProperty(
        role + ".start",
        Long.toString(process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
  }

  /**
   * The live process recorded under {@code role}, if its pid still belongs to the process we
   * started.
   */
  Optional<ProcessHandle> recorded(Properties run, String role) {
    String pid = run.getProperty(role + ".pid");
    String started = run.getProperty(role + ".start");
    if (pid == null || started == null) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle;
    try {
      handle = ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String marker = ChildJvms.marker(sandbox.dir());
    return handle
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(i -> Long.toString(i.toEpochMilli()).equals(started))
                    .orElse(false))
        .filter(
            h ->
                role.equals("owner")
                    || h.info().commandLine().map(line -> line.contains(marker)).orElse(true));
  }

  /**
   * Stops what the pid file names (only processes that are really ours) and removes it; true if one
   * was running.
   */
  boolean stopRecorded(Consumer<String> progress) {
    Properties run = sandbox.readRun();
    boolean any = false;
    for (String role : CHILDREN) {
      Optional<ProcessHandle> process = recorded(run, role);
      if (process.isPresent()) {
        any = true;
        progress.accept("Stopping the " + role + " (pid " + process.get().pid() + ") ...");
        ChildJvms.terminate(process.get());
      }
    }
    sandbox.deleteRun();
    return any;
  }
}
