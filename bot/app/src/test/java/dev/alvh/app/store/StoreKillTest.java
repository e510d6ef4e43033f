package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row whose commit returned survives {@code kill -9}: a child JVM opens the store as the bot
 * does ({@link Store#open} and the bot's {@code SET WRITE_DELAY 0}), writes in the bot's pattern
 * (many small auto-commit statements, some larger transactions, deletes and a dropped and
 * recreated table so that the file gets free space that H2 reuses) and prints each numbered row
 * after its commit returned; the parent kills it with SIGKILL at a random moment, reopens the
 * same file and looks for every printed number. The same file is killed again and again, as a
 * bot restarted after each crash.
 *
 * <p>System properties for experiments (not set in the build): {@code alvh.killtest.runs},
 * {@code alvh.killtest.seed}, {@code alvh.killtest.writeDelay} (the child's WRITE_DELAY, the
 * bot's 0 unless set) and {@code alvh.killtest.keepGoing} (count losses over all runs instead
 * of stopping at the first).
 */
class StoreKillTest {

  private static final String READY = "ready";

  @Test
  void everyRowWhoseCommitReturnedIsThereAfterKillNine(@TempDir Path dir) throws Exception {
    int runs = Integer.getInteger("alvh.killtest.runs", 12);
    long seed = Long.getLong("alvh.killtest.seed", 20240617L);
    int writeDelay = Integer.getInteger("alvh.killtest.writeDelay", 0);
    boolean keepGoing = Boolean.getBoolean("alvh.killtest.keepGoing");
    Series s = series(dir, seed, runs, writeDelay, keepGoing);
    System.out.println("StoreKillTest: " + s);
    assertThat(s.printed).as("the child committed rows in every run: %s", s).isGreaterThan(runs * 50L);
    assertThat(s.lossDescriptions).as("rows printed as committed but missing after kill -9 (%s)", s).isEmpty();
  }

  /** The result of a series of kills on one file. */
  static final class Series {
    int runs;
    int lossyRuns;
    long printed;
    long lost;
    long fileBytes;
    final List<String> lossDescriptions = new ArrayList<>();

    @Override
    public String toString() {
      return runs + " kills, " + lossyRuns + " with losses, " + printed + " rows printed as committed, " + lost
          + " lost, file " + fileBytes / 1024 + " KiB" + (lossDescriptions.isEmpty() ? "" : ", " + lossDescriptions);
    }
  }

  static Series series(Path dir, long seed, int runs, int writeDelay, boolean keepGoing) throws Exception {
    Random rnd = new Random(seed);
    Series s = new Series();
    for (int run = 0; run < runs; run++) {
      long childSeed = rnd.nextLong();
      // The kill comes 150..1650 ms after the child started writing: early in a run the file
      // holds the free space left by the runs before, late in a run the child's own churn.
      long killAfterMs = 150 + rnd.nextInt(1500);
      List<Long> printed = runAndKill(dir, childSeed, writeDelay, killAfterMs);
      Set<Long> present = present(dir);
      TreeSet<Long> missing = new TreeSet<>();
      for (long n : printed) {
        if (!present.contains(n)) {
          missing.add(n);
        }
      }
      s.runs++;
      s.printed += printed.size();
      if (!missing.isEmpty()) {
        s.lossyRuns++;
        s.lost += missing.size();
        s.lossDescriptions.add("run " + run + ": " + missing.size() + " of " + printed.size() + " missing, "
            + missing.first() + ".." + missing.last());
        if (!keepGoing) {
          break;
        }
      }
    }
    s.fileBytes = Files.size(dir.resolve("alvh.mv.db"));
    return s;
  }

  /** Numbers of the rows in the probe table, reopening the store as a restarted bot does. */
  private static Set<Long> present(Path dir) {
    try (Store store = Store.open(dir, "alvh")) {
      Set<Long> out = new HashSet<>(store.jdbc().query("SELECT n FROM kill_probe", rs -> rs.getLong(1)));
      // A clean close between runs would compact the file and hide the crash case: the next
      // child must find the file as the killed one left it (plus what this recovery wrote).
      store.jdbc().update("SHUTDOWN IMMEDIATELY");
      return out;
    }
  }

  private static List<Long> runAndKill(Path dir, long seed, int writeDelay, long killAfterMs) throws Exception {
    String javaBin = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Writer.class.getName(), dir.toString(), Long.toString(seed),
        Integer.toString(writeDelay)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> printed = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> other = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.equals(READY)) {
            ready.countDown();
          } else if (line.startsWith("c ")) {
            printed.add(Long.parseLong(line.substring(2)));
          } else {
            other.add(line);
          }
        }
      } catch (IOException e) {
        other.add("read failed: " + e);
      }
    }, "kill-test-reader");
    reader.start();
    boolean started = ready.await(60, TimeUnit.SECONDS);
    if (started) {
      Thread.sleep(killAfterMs);
    }
    p.toHandle().destroyForcibly();   // SIGKILL, leaving our pipe open: the lines in it are still read
    reader.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(started).as("the child started writing; its output: %s", other).isTrue();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(other).as("the child's other output").isEmpty();
    return printed;
  }

  /** The child: writes numbered rows in the bot's pattern until it is killed. */
  public static final class Writer {

    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      Random rnd = new Random(Long.parseLong(args[1]));
      int writeDelay = Integer.parseInt(args[2]);
      Store store = Store.open(dir, "alvh");
      Jdbc j = store.jdbc();
      j.update("SET WRITE_DELAY " + writeDelay);   // what Bot does on start
      j.update("CREATE TABLE IF NOT EXISTS kill_probe(n BIGINT PRIMARY KEY, at TIMESTAMP, note VARCHAR(200))");
      j.update("CREATE TABLE IF NOT EXISTS kill_churn(id BIGINT AUTO_INCREMENT PRIMARY KEY, n BIGINT,"
          + " payload VARCHAR(4000))");
      long n = j.queryOne("SELECT COALESCE(MAX(n), 0) FROM kill_probe", rs -> rs.getLong(1)).orElse(0L);
      String pad = "x".repeat(3000);
      System.out.println(READY);
      System.out.flush();
      for (long i = 0; ; i++) {
        long k = ++n;
        Timestamp at = Timestamp.from(Instant.ofEpochSecond(1_700_000_000L + k));
        int r = rnd.nextInt(100);
        if (r < 60) {
          // A small auto-commit write: a decision, a status change, a fill.
          j.update("INSERT INTO kill_probe(n, at, note) VALUES (?,?,?)", k, at, "small");
          store.decision(at.toInstant(), "probe", "kill-" + k, "a decision written between fills");
        } else if (r < 85) {
          // A larger transaction: a fill with its tranche, legs, order steps and snapshot.
          int rows = 5 + rnd.nextInt(60);
          j.inTransaction(() -> {
            for (int x = 0; x < rows; x++) {
              j.update("INSERT INTO kill_churn(n, payload) VALUES (?,?)", k, pad.substring(rnd.nextInt(2000)));
            }
            j.update("INSERT INTO kill_probe(n, at, note) VALUES (?,?,?)", k, at, "transaction of " + rows);
          });
        } else if (r < 97) {
          // Deletes and updates: rows that die leave free space in the file.
          j.update("DELETE FROM kill_churn WHERE id IN (SELECT id FROM kill_churn ORDER BY id LIMIT ?)",
              100 + rnd.nextInt(300));
          j.update("UPDATE kill_churn SET payload=? WHERE id IN (SELECT id FROM kill_churn ORDER BY id DESC"
              + " LIMIT ?)", pad.substring(rnd.nextInt(3000)), 1 + rnd.nextInt(40));
          j.update("INSERT INTO kill_probe(n, at, note) VALUES (?,?,?)", k, at, "after churn");
        } else {
          // Table churn: a scratch table dropped and recreated (as replays and migrations do).
          j.update("DROP TABLE IF EXISTS kill_scratch");
          j.update("CREATE TABLE kill_scratch(id INT PRIMARY KEY, v VARCHAR(1000))");
          for (int x = 0; x < 30; x++) {
            j.update("INSERT INTO kill_scratch VALUES (?,?)", x, pad.substring(2000 + rnd.nextInt(1000)));
          }
          j.update("INSERT INTO kill_probe(n, at, note) VALUES (?,?,?)", k, at, "after table churn");
        }
        System.out.println("c " + k);
        System.out.flush();
      }
    }
  }
}
