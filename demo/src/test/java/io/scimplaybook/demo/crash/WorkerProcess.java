package io.scimplaybook.demo.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production worker jar in its own JVM, configured through its environment only (the seal key is a secret and
 * must not show in the process list), its output in a log file the test reads.
 */
final class WorkerProcess {
  /** Spring Boot's line once the context, and with it the started Temporal worker, is up. */
  static final String READY_LINE = "Started WorkerApplication";
  /** How Java reports a child that SIGKILL ended: 128 + signal 9. */
  static final int KILLED_BY_SIGKILL = 137;

  private final Process process;
  final Path log;
  final Duration startup;

  private WorkerProcess(Process process, Path log, Duration startup) {
    this.process = process;
    this.log = log;
    this.startup = startup;
  }

  /** Starts the jar and returns once it logged {@link #READY_LINE}; fails with the log's tail if it died or hung. */
  static WorkerProcess start(Path jar, Map<String, String> environment, Path log, Duration readyWithin)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Client JIT and serial GC: a short-lived JVM on a loaded 2-core machine starts faster with them.
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xmx256m", "-jar", jar.toString()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    long deadline = started + readyWithin.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
        return new WorkerProcess(process, log, Duration.ofNanos(System.nanoTime() - started));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the worker exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly().waitFor();
    throw new AssertionError("the worker was not ready within " + readyWithin + ":\n" + tail(log));
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, as a crash or the OOM killer ends it: no shutdown hook, no graceful worker shutdown. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("worker " + pid() + " still alive 30 s after SIGKILL");
    }
    if (process.exitValue() != KILLED_BY_SIGKILL) {
      throw new AssertionError("worker " + pid() + " exited with " + process.exitValue() + ", not by SIGKILL ("
          + KILLED_BY_SIGKILL + "):\n" + tail(log));
    }
  }

  /** For tests that end with a live worker. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
