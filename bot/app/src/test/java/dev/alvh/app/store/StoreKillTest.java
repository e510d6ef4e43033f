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
  private static final int MIN_KILL_MS = Integer.getInteger("alvh.killtest.minKillMs", 150);
  private static final int MAX_KILL_MS = Integer.getInteger("alvh.killtest.maxKillMs", 1650);
  /** An extra statement the child runs after the bot's settings, for experiments. */
  private static final String CHILD_SQL = System.getProperty("alvh.killtest.childSql", "");
  private static final long SEED = Long.getLong("alvh.killtest.seed", 20240617L);
  private static final int WRITE_DELAY = Integer.getInteger("alvh.killtest.writeDelay", 0);
  private static final boolean KEEP_GOING = Boolean.getBoolean("alvh.killtest.keepGoing");

  @Test
  void everyRowWhoseCommitReturnedIsThereAfterKillNine(@TempDir Path dir) throws Exception {
    int runs = Integer.getInteger("alvh.killtest.runs", 10);
    assertNoLoss(series(dir, SEED, runs, WRITE_DELAY, CHILD_SQL, KEEP_GOING), runs);
  }

  /**
   * The same while H2 reuses the space of old chunks as early as it may ({@code RETENTION_TIME 0}):
   * a bot reaches chunk reuse only after minutes (the default retention is 45 s), this test at
   * once. Without the store's {@code REUSE_SPACE=FALSE} the reopened file lost committed rows or
   * came back torn (a migrated table without its Flyway history row).
   */
  @Test
  void everyRowSurvivesKillNineWhileH2ReusesChunkSpaceAtOnce(@TempDir Path dir) throws Exception {
    int runs = Integer.getInteger("alvh.killtest.runs", 10);
    assertNoLoss(series(dir, SEED + 1, runs, WRITE_DELAY, "SET RETENTION_TIME 0", KEEP_GOING), runs);
  }

  private static void assertNoLoss(Series s, int runs) {
    System.out.println("StoreKillTest: " + s);
    assertThat(s.lossDescriptions).as("rows printed as committed but missing after kill -9 (%s)", s).isEmpty();
    assertThat(s.printed).as("the child committed rows in every run: %s", s).isGreaterThan(runs * 50L);
  }

  /** The result of a series of kills on one file. */
  static final class Series {
    int runs;
    int lossyRuns;
    long printed;
    long lost;
    long fileBytes;
    long closedFileBytes;
    final List<String> lossDescriptions = new ArrayList<>();

    @Override
    public String toString() {
      return runs + " kills, " + lossyRuns + " with losses, " + printed + " rows printed as committed, " + lost
          + " lost, file " + fileBytes / 1024 + " KiB after the last kill, " + closedFileBytes / 1024
          + " KiB after a clean close" + (lossDescriptions.isEmpty() ? "" : ", " + lossDescriptions);
    }
  }

  static Series series(Path dir, long seed, int runs, int writeDelay, String childSql, boolean keepGoing)
      throws Exception {
    Random rnd = new Random(seed);
    Series s = new Series();
    for (int run = 0; run < runs; run++) {
      long childSeed = rnd.nextLong();
      // The kill comes 150..1650 ms after the child started writing: early in a run the file
      // holds the free space left by the runs before, late in a run the child's own churn.
      long killAfterMs = MIN_KILL_MS + rnd.nextInt(MAX_KILL_MS - MIN_KILL_MS);
      List<Long> printed = runAndKill(dir, childSeed, writeDelay, childSql, killAfterMs);
      Set<Long> present;
      try {
        present = present(dir);
      } catch (StoreException e) {
        s.runs++;
        s.lossyRuns++;
        s.lost += printed.size();
        s.lossDescriptions.add("run " + run + ": the file did not reopen: " + e.getMessage().lines().limit(6).toList());
        break;   // nothing more can be written to it
      }
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
    if (s.lossDescriptions.isEmpty()) {
      Store.open(dir, "alvh").close();   // a clean stop: H2 compacts the file on close
      s.closedFileBytes = Files.size(dir.resolve("alvh.mv.db"));
    }
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

  private static List<Long> runAndKill(Path dir, long seed, int writeDelay, String childSql, long killAfterMs)
      throws Exception {
    String javaBin = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Writer.class.getName(), dir.toString(), Long.toString(seed),
        Integer.toString(writeDelay), childSql).redirectError(dir.resolve("child.err").toFile()).start();
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
    assertThat(started).as("the child started writing; its output: %s %s", other,
        Files.readString(dir.resolve("child.err"))).isTrue();
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
      if (args.length > 3 && !args[3].isBlank()) {
        j.update(args[3]);
      }
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
