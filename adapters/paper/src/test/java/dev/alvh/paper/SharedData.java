package dev.alvh.paper;

import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds {@code shared/data} beside the checkout (as {@code dev.alvh.app.TestPaths} does) and reads
 * its ISO CSV files, for tests that compare the model with real history. A minimal reader for
 * tests only; the product's loaders live in the replay module.
 */
public final class SharedData {

  private SharedData() {
  }

  /** {@code shared/data} above the working directory, when present. */
  public static Optional<Path> dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(d.resolve("spx.csv")) && Files.isRegularFile(d.resolve("vx_m1_m8_close.csv"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The SPX, VIX and VIX3M bars and the VX closes of {@code dir}, from {@code from} to {@code to}. */
  public static MarketHistory history(Path dir, LocalDate from, LocalDate to) {
    Map<LocalDate, double[]> spx = read(dir.resolve("spx.csv"));
    Map<LocalDate, double[]> vix = read(dir.resolve("vix.csv"));
    Map<LocalDate, double[]> vix3m = read(dir.resolve("vix3m.csv"));
    List<DailyBar> bars = new ArrayList<>();
    for (Map.Entry<LocalDate, double[]> e : new TreeMap<>(spx).subMap(from, true, to, true).entrySet()) {
      double[] s = e.getValue();
      double[] v = vix.get(e.getKey());
      double[] v3 = vix3m.get(e.getKey());
      bars.add(new DailyBar(e.getKey(), s[0], s[3], v[0], v[3], v3[0], v3[3]));
    }
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    read(dir.resolve("vx_m1_m8_close.csv")).forEach((d, row) -> {
      if (!d.isBefore(from) && !d.isAfter(to)) {
        vx.put(d, Arrays.stream(row).boxed().toList());
      }
    });
    return new MarketHistory(bars, vx);
  }

  private static Map<LocalDate, double[]> read(Path file) {
    try {
      Map<LocalDate, double[]> out = new TreeMap<>();
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        double[] v = new double[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          v[i - 1] = Double.parseDouble(f[i]);
        }
        out.put(LocalDate.parse(f[0]), v);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
