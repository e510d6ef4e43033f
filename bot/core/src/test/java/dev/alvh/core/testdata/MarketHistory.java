package dev.alvh.core.testdata;

import dev.alvh.core.signal.DailyCloses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily closes from the development data slice ({@code shared/data}: vix.csv, vix3m.csv,
 * spx.csv, vx_m1_m8_close.csv), for tests only: core itself has no I/O.
 */
public final class MarketHistory {

  private MarketHistory() {
  }

  /** The {@code shared/data} folder found by walking up from {@code user.dir}, if any. */
  public static Optional<Path> dataFolder() {
    for (Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("vix.csv"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Every date of vix.csv with its SPX, VIX, VIX3M closes and VX m1/m2 where present. */
  public static List<DailyCloses> load(Path folder) {
    Map<LocalDate, Double> spx = closes(folder.resolve("spx.csv"));
    Map<LocalDate, Double> vix3m = closes(folder.resolve("vix3m.csv"));
    Map<LocalDate, double[]> vx = new HashMap<>();
    Path vxFile = folder.resolve("vx_m1_m8_close.csv");
    if (Files.isRegularFile(vxFile)) {
      for (String[] row : rows(vxFile)) {
        vx.put(LocalDate.parse(row[0]), new double[] {Double.parseDouble(row[1]), Double.parseDouble(row[2])});
      }
    }
    List<DailyCloses> out = new ArrayList<>();
    for (String[] row : rows(folder.resolve("vix.csv"))) {
      LocalDate d = LocalDate.parse(row[0]);
      DailyCloses c = DailyCloses.of(d, spx.get(d), Double.parseDouble(row[4]), vix3m.get(d));
      double[] m = vx.get(d);
      out.add(m == null ? c : c.withVx(m[0], m[1]));
    }
    return out;
  }

  private static Map<LocalDate, Double> closes(Path file) {
    Map<LocalDate, Double> m = new HashMap<>();
    for (String[] row : rows(file)) {
      m.put(LocalDate.parse(row[0]), Double.parseDouble(row[4]));
    }
    return m;
  }

  private static List<String[]> rows(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.trim().split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
