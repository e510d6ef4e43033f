package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.sweep.SweepCsv;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `alvh sweep` end to end on the synthetic scenario (no ../shared needed): two points over two
 * short windows give sweep.csv, frontier.png and sweep.html; a re-run skips finished points; a
 * bad grid stops before anything runs.
 */
class SweepCommandTest {

  private static final String TRAIN = "2023-01-03..2023-02-10";
  private static final String TEST = "2023-02-13..2023-03-24";

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private int sweep(Path grid, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", grid.toString(), "--train", TRAIN, "--test", TEST,
        "--out", out.toString()));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new));
  }

  private Path grid(String yaml) throws Exception {
    Path g = Files.createTempFile(dir, "grid", ".yaml");
    Files.writeString(g, yaml);
    return g;
  }

  private static BigDecimal dec(Map<String, String> row, String col) {
    assertThat(row).containsKey(col);
    return new BigDecimal(row.get(col));
  }

  @Test
  void twoPointsGiveTheCsvTheChartAndThePageAndARerunSkipsThem() throws Exception {
    Path g = grid("grid:\n  hedge.l1.vixTrigger: [15.0, 17.0]\n");
    Path out = dir.resolve("out");
    assertThat(sweep(g, out)).as(io.err()).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("sweep.csv", "frontier.png", "sweep.html");
    }
    assertThat(io.out()).contains("Sweep of 2 points (2 run, 0 already in sweep.csv), books alvh,unhedged,rigid");

    List<Map<String, String>> rows = SweepCsv.read(out.resolve("sweep.csv"));
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r.get("point")).containsExactly("1", "2");
    assertThat(rows).extracting(r -> r.get("hedge.l1.vixTrigger")).containsExactly("15.0", "17.0");
    assertThat(rows).extracting(r -> r.get("values"))
        .containsExactly("hedge.l1.vixTrigger=15.0", "hedge.l1.vixTrigger=17.0");
    for (Map<String, String> r : rows) {
      assertThat(r).containsEntry("train.from", "2023-01-03").containsEntry("train.to", "2023-02-10")
          .containsEntry("test.from", "2023-02-13").containsEntry("test.to", "2023-03-24")
          .containsEntry("data", "two-cycles").containsEntry("config", "defaults");
      for (String w : List.of("train", "test")) {
        assertThat(Integer.parseInt(r.get(w + ".tradingDays"))).isBetween(25, 30);
        for (String b : List.of("alvh", "unhedged", "rigid")) {
          String p = w + "." + b + ".";
          assertThat(dec(r, p + "startEquity")).isEqualByComparingTo("1000000");
          assertThat(r.get(p + "cagr")).isNotEmpty();
          assertThat(r.get(p + "maxDrawdownPct")).isNotEmpty();
          assertThat(Long.parseLong(r.get(p + "tranchesOpened"))).isPositive();
          assertThat(dec(r, p + "condorCredit")).isPositive();
          // the hedge's net cost is what hedgePnl lost, the cap a share of the condor credit
          assertThat(dec(r, p + "hedgeNetCost")).isEqualByComparingTo(dec(r, p + "hedgePnl").negate());
          assertThat(dec(r, p + "carryCapUsd")).isEqualByComparingTo(dec(r, p + "condorCredit")
              .multiply(new BigDecimal("0.25")).setScale(2, java.math.RoundingMode.HALF_EVEN));
          assertThat(r.get(p + "withinCarryCap")).isEqualTo(Boolean.toString(
              dec(r, p + "hedgeNetCost").compareTo(dec(r, p + "carryCapUsd")) <= 0));
          assertThat(Double.parseDouble(r.get(p + "cagrOverMaxDrawdown"))).isCloseTo(
              Double.parseDouble(r.get(p + "cagr")) / Double.parseDouble(r.get(p + "maxDrawdownPct")),
              org.assertj.core.data.Offset.offset(1e-9));
          assertThat(r).containsKey(p + "statesVisited.CALM");
        }
        assertThat(dec(r, w + ".unhedged.hedgePremium")).isZero();
        assertThat(dec(r, w + ".unhedged.hedgeNetCost")).isZero();
      }
    }
    assertThat(Files.readAllBytes(out.resolve("frontier.png"))).startsWith(0x89, 'P', 'N', 'G');
    String html = Files.readString(out.resolve("sweep.html"));
    assertThat(html).contains("<img alt=\"frontier\" src=\"data:image/png;base64,").contains("hedge.l1.vixTrigger")
        .contains("Chosen point").doesNotContain("src=\"http");

    // same grid, same windows and data: nothing runs again and the rows stay as they were
    String before = Files.readString(out.resolve("sweep.csv"));
    io.resetOut();
    assertThat(sweep(g, out)).isZero();
    assertThat(io.out()).contains("Sweep of 2 points (0 run, 2 already in sweep.csv)");
    assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo(before);

    // one more value: only the new point runs; another test window: the points are new
    io.resetOut();
    assertThat(sweep(grid("grid:\n  hedge.l1.vixTrigger: [15.0, 16.0, 17.0]\n"), out)).isZero();
    assertThat(io.out()).contains("Sweep of 3 points (1 run, 2 already in sweep.csv)");
    assertThat(SweepCsv.read(out.resolve("sweep.csv"))).extracting(r -> r.get("hedge.l1.vixTrigger"))
        .containsExactly("15.0", "16.0", "17.0");
  }

  @Test
  void badGridStopsWithOneLineNamingTheKeyBeforeRunning() throws Exception {
    Path out = dir.resolve("out");
    assertThat(sweep(grid("grid:\n  hedge.l1.vixTriger: [15.0]\n"), out)).isEqualTo(2);
    List<String> lines = io.err().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("sweep: sweep grid ").contains("unknown key 'hedge.l1.vixTriger'");
    io.resetErr();
    assertThat(sweep(grid("grid:\n  hedge.l1.vixTrigger: [15.0, 25.0]\n"), out)).isEqualTo(2);
    assertThat(io.err().lines().toList()).hasSize(1).first().asString().contains("hedge.l1/l2/l3.vixTrigger");
    io.resetErr();
    assertThat(sweep(grid("grid:\n  hedge.l1.vixTrigger: []\n"), out)).isEqualTo(2);
    assertThat(io.err().lines().toList()).hasSize(1).first().asString().contains("hedge.l1.vixTrigger is an empty list");
    io.resetErr();
    assertThat(sweep(grid("grid: {hedge.l1.vixTrigger: [15.0\n"), out)).isEqualTo(2);
    assertThat(io.err().lines().toList()).hasSize(1).first().asString().contains("is not valid YAML");
    assertThat(out).doesNotExist();
  }

  @Test
  void badOptionsAreNamed() throws Exception {
    Path g = grid("grid:\n  hedge.l1.vixTrigger: [15.0]\n");
    Path out = dir.resolve("out");
    assertThat(sweep(g, out, "--books", "alvh,hedgehog")).isEqualTo(2);
    assertThat(io.err()).startsWith("sweep: --books: unknown book 'hedgehog'; books: alvh, unhedged, rigid");
    io.resetErr();
    assertThat(Main.run("sweep", g.toString(), "--train", "2023-01-03", "--out", out.toString())).isEqualTo(2);
    assertThat(io.err()).startsWith("sweep: --train must be FROM..TO");
    io.resetErr();
    assertThat(Main.run("sweep", g.toString(), "--test", "2030-01-02..2030-02-01", "--out", out.toString()))
        .isEqualTo(2);
    assertThat(io.err()).startsWith("sweep: the test window 2030-01-02..2030-02-01 holds no day of the history");
    assertThat(out).doesNotExist();
  }
}
