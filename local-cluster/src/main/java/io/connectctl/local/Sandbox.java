package io.connectctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;

/**
 * The data directory of one local cluster and the files in it: where each file lives, the lock that
 * lets one start or stop run at a time, and reading and writing the two properties files ({@code
 * cluster.properties} with the id and ports, {@code run.properties} with the running processes). It
 * knows nothing about what the files mean.
 */
final class Sandbox {
  private static final String RUN_FILE = "run.properties";
  private static final String CLUSTER_FILE = "cluster.properties";

  private final Path dir;

  Sandbox(Path dir) {
    this.dir = dir;
  }

  /** The data directory (absolute and normalized). */
  Path dir() {
    return dir;
  }

  /** Whether the data directory exists yet. */
  boolean exists() {
    return Files.isDirectory(dir);
  }

  /** Creates the directories the children write to. */
  void prepare() {
    createDirectories(logsDir());
    createDirectories(dir.resolve("config"));
  }

  /** Where the broker keeps its log segments ({@code kafka/}). */
  Path kafkaDir() {
    return dir.resolve("kafka");
  }

  /** Whether the Kafka log directory has been formatted. */
  boolean formatted() {
    return Files.exists(kafkaDir().resolve("meta.properties"));
  }

  /** Where the children's logs go. */
  Path logsDir() {
    return dir.resolve("logs");
  }

  /** The log file a child's log4j configuration writes to. */
  Path logFile(String role) {
    return logsDir().resolve(role + ".log");
  }

  /** The file a child's standard output and error go to. */
  Path outFile(String role) {
    return logsDir().resolve(role + ".out");
  }

  /** Where the class files put first on the children's classpath go. */
  Path bootDir() {
    return dir.resolve("boot");
  }

  /** Writes a generated file under {@code config/} and returns its path. */
  Path writeConfig(String name, String text) {
    Path file = dir.resolve("config").resolve(name);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The cluster id and ports of earlier runs (empty on the first). */
  Properties readCluster() {
    return read(dir.resolve(CLUSTER_FILE));
  }

  void writeCluster(Properties cluster) {
    write(
        dir.resolve(CLUSTER_FILE),
        cluster,
        "connectctl local cluster: id and ports (reused while free)");
  }

  /** The pid file (empty when nothing runs). */
  Properties readRun() {
    return read(dir.resolve(RUN_FILE));
  }

  void writeRun(Properties run) {
    write(dir.resolve(RUN_FILE), run, "connectctl local cluster: the running processes");
  }

  /** Removes the pid file. */
  void deleteRun() {
    Path runFile = dir.resolve(RUN_FILE);
    try {
      Files.deleteIfExists(runFile);
    } catch (IOException e) {
      throw new LocalClusterException(
          "Cannot remove the pid file " + runFile + ": " + e.getMessage(), e);
    }
  }

  /** Removes the pid file if it can; the next start cleans up otherwise. */
  void deleteRunQuietly() {
    try {
      Files.deleteIfExists(dir.resolve(RUN_FILE));
    } catch (IOException ignored) {
      // the next start cleans up
    }
  }

  /** Holds the data directory's lock file: one start or stop at a time, across processes. */
  Lock lock() {
    Path file = dir.resolve(".lock");
    try {
      createDirectories(dir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Lock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new LocalClusterException("Cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** The held lock; closing it lets the next start or stop in. */
  record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException ignored) {
        // closing the channel releases the lock in any case
      }
    }
  }

  /** The last {@code lines} lines of a file, or a note saying why there are none. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new LocalClusterException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return properties;
  }

  /** Writes to a temporary file and moves it into place, so a reader never sees half a file. */
  private static void write(Path file, Properties properties, String comment) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(writer, comment);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    try {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
