package dev.alvh.app.engine;

import dev.alvh.paper.market.DailyBar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the daily bars of ../shared/data (spx.csv, vix.csv, vix3m.csv) for tests. */
final class SharedHistory {

  private SharedHistory() {
  }

  static List<DailyBar> bars(Path dir, LocalDate from, LocalDate to) {
    Map<LocalDate, double[]> spx = openClose(dir.resolve("spx.csv"));
    Map<LocalDate, double[]> vix = openClose(dir.resolve("vix.csv"));
    Map<LocalDate, double[]> vix3m = openClose(dir.resolve("vix3m.csv"));
    List<DailyBar> out = new ArrayList<>();
    for (Map.Entry<LocalDate, double[]> e : spx.entrySet()) {
      LocalDate d = e.getKey();
      if (d.isBefore(from) || d.isAfter(to) || !vix.containsKey(d) || !vix3m.containsKey(d)) {
        continue;
      }
      out.add(new DailyBar(d, e.getValue()[0], e.getValue()[1], vix.get(d)[0], vix.get(d)[1], vix3m.get(d)[0],
          vix3m.get(d)[1]));
    }
    return out;
  }

  private static Map<LocalDate, double[]> openClose(Path file) {
    try {
      Map<LocalDate, double[]> out = new TreeMap<>();
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        out.put(LocalDate.parse(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[4])});
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
