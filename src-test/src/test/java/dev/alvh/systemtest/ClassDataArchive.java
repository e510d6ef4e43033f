package dev.alvh.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Class-data sharing (AppCDS) for a system test that starts the built jar again and again: the
 * first bot process writes the list of the classes it loads, the archive of those classes is
 * dumped once from that list ({@code java -Xshare:dump}, in the background while the test goes on),
 * and every bot process started after that maps it
 * ({@code -XX:SharedArchiveFile}) instead of loading and verifying the same few thousand classes
 * from the jar. Only the JVM's class loading changes: the bot runs the same code with the same
 * options. A JVM that cannot dump or map the archive runs without it ({@code -Xshare:auto}), as
 * does every run with {@code -Dalvh.systemTest.classData=false} (to compare timings).
 */
final class ClassDataArchive {

  /** Whether the archive is used at all; {@code -Dalvh.systemTest.classData=false} turns it off. */
  static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("alvh.systemTest.classData", "true"));

  private final String java;
  private final Path jar;
  private final Path list;
  private final Path archive;
  private final List<String> vmOptions;
  private boolean listWritten;
  private boolean tried;
  private volatile boolean usable;
  private volatile Process running;

  /**
   * An archive of {@code jar}'s classes in {@code dir}, for processes started by {@code java} with
   * {@code vmOptions} (the same options are used to dump it).
   */
  ClassDataArchive(String java, Path jar, Path dir, List<String> vmOptions) {
    this.java = java;
    this.jar = jar;
    this.list = dir.resolve("alvh-classes.lst");
    this.archive = dir.resolve("alvh-classes.jsa");
    this.vmOptions = List.copyOf(vmOptions);
  }

  /**
   * The JVM options of the next bot process: {@code vmOptions}, plus writing the class list (the
   * first process) or mapping the archive (once it is dumped).
   */
  synchronized List<String> options() {
    List<String> out = new ArrayList<>(vmOptions);
    if (!ENABLED) {
      return out;
    }
    if (usable) {
      out.add("-XX:SharedArchiveFile=" + archive);
    } else if (!listWritten) {
      out.add("-XX:DumpLoadedClassList=" + list);
      listWritten = true;
    }
    return out;
  }

  /**
   * Starts dumping the archive from the class list the first process wrote (once, after that
   * process is over), in a background thread; the processes started once it is dumped and a JVM
   * mapped it use it. Says what it did in one line.
   */
  synchronized void dumpOnce() {
    if (!ENABLED || tried || !listWritten) {
      return;
    }
    tried = true;
    Thread t = new Thread(() -> {
      try {
        dump();
      } catch (IOException e) {
        System.out.println("class-data archive not dumped: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "class-data-dump");
    t.setDaemon(true);
    t.start();
  }

  private void dump() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    List<String> dump = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
        "-XX:SharedArchiveFile=" + archive));
    dump.addAll(vmOptions);
    dump.addAll(List.of("-cp", jar.toString()));
    String out = run(dump, Duration.ofMinutes(3));
    // -Xshare:on fails instead of running without the archive: a JVM that cannot map it says so here.
    List<String> check = new ArrayList<>(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive));
    check.addAll(vmOptions);
    check.addAll(List.of("-cp", jar.toString(), "-version"));
    String checked = out == null ? null : run(check, Duration.ofMinutes(1));
    boolean ok = out != null && checked != null && Files.isRegularFile(archive);
    long classes = Files.isRegularFile(list) ? Files.readAllLines(list).stream().filter(l -> !l.startsWith("#")).count()
        : 0;
    System.out.printf("class-data archive of %d classes %s in %.1f s%n", classes,
        ok ? "dumped, mapped by the next bot processes," : "not usable, the bot processes load their classes,",
        (System.nanoTime() - t0) / 1e9);
    usable = ok;
  }

  /** Stops a dump still running (the test is over). */
  void close() {
    Process p = running;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  /** Runs {@code cmd}; its output when it exits 0 in time, else null (and the output printed). */
  private String run(List<String> cmd, Duration limit) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    running = p;
    byte[] bytes = p.getInputStream().readAllBytes();
    boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    String out = new String(bytes, StandardCharsets.UTF_8);
    if (!done || p.exitValue() != 0) {
      p.destroyForcibly();
      System.out.println("class-data archive: " + String.join(" ", cmd) + " failed:\n" + out);
      return null;
    }
    return out;
  }
}
