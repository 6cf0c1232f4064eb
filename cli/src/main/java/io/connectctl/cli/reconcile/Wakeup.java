package io.connectctl.cli.reconcile;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * When the next cycle starts: after the interval, as soon as a file under the given paths changes
 * (a {@link WatchService} on each directory, and on the directory of each file), or never again
 * once {@link #stop()} was called (SIGTERM/SIGINT).
 */
final class Wakeup implements AutoCloseable {
  private final Object lock = new Object();
  private boolean poked;
  private volatile boolean stopped;
  private WatchService watcher;
  private Thread watching;

  /**
   * Watches {@code paths} (directories, and the parents of files; with {@code recursive} their
   * subdirectories).
   */
  void watch(List<Path> paths, boolean recursive) throws IOException {
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath();
      if (Files.isDirectory(absolute)) {
        dirs.add(absolute);
        if (recursive) {
          try (Stream<Path> walk = Files.walk(absolute)) {
            walk.filter(Files::isDirectory).forEach(dirs::add);
          }
        }
      } else if (absolute.getParent() != null && Files.isDirectory(absolute.getParent())) {
        dirs.add(absolute.getParent());
      }
    }
    if (dirs.isEmpty()) {
      return;
    }
    watcher = FileSystems.getDefault().newWatchService();
    for (Path dir : dirs) {
      dir.register(
          watcher,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
    watching =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = watcher.take();
                  key.pollEvents();
                  key.reset();
                  poke();
                }
              } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: the run is ending
              }
            },
            "connectctl-reconcile-watch");
    watching.setDaemon(true);
    watching.start();
  }

  /** Starts the next cycle now. */
  void poke() {
    synchronized (lock) {
      poked = true;
      lock.notifyAll();
    }
  }

  /** Ends the run after the work in flight. */
  void stop() {
    stopped = true;
    poke();
  }

  boolean stopped() {
    return stopped;
  }

  /**
   * Waits up to {@code interval}, or until poked or stopped. An interrupt of the waiting thread
   * stops the run too.
   */
  void await(Duration interval) {
    long deadline = System.nanoTime() + interval.toNanos();
    synchronized (lock) {
      try {
        while (!poked && !stopped) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          lock.wait(Math.max(1, left / 1_000_000), 0);
        }
      } catch (InterruptedException e) {
        stopped = true;
        Thread.currentThread().interrupt();
      }
      poked = false;
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
