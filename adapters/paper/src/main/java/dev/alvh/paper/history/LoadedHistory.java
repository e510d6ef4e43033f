package dev.alvh.paper.history;

import dev.alvh.paper.market.MarketHistory;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;

/**
 * What {@link HistoryLoader} read from a data folder.
 *
 * @param history    the bars (days present in spx, vix and vix3m) and the VX futures closes
 * @param vix9d      VIX9D closes by day, empty when the folder has no {@code vix9d.csv}
 * @param problems   every row left out or filled in, with file and line, in file order
 * @param files      the files read, for the summary
 */
public record LoadedHistory(MarketHistory history, NavigableMap<LocalDate, Double> vix9d, List<BadRow> problems,
    List<String> files) {

  /** Copies the lists. */
  public LoadedHistory {
    problems = List.copyOf(problems);
    files = List.copyOf(files);
  }
}
