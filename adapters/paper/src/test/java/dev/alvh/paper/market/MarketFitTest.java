package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.paper.SharedData;
import dev.alvh.paper.history.HistoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of the market model on the real 2019 SPX/SPXW sample of
 * {@code shared/data/options}: per bucket (put/call x |delta| x DTE) with at least 50 quotes, the
 * median |model IV - real IV| is at most 1.5 vol points and the median |model spread - real
 * spread| / real spread at most 30%, the model priced by {@link SimulatedMarket} at each quote
 * date's closes with the default configuration. Prints the table (docs/market-model.md).
 */
class MarketFitTest {

  static final String SAMPLE = "options/spx_chains_2019q2.csv";
  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;

  private static List<MarketFit.Bucket> table;
  private static List<MarketFit.Point> points;

  static Optional<Path> sample() {
    return SharedData.dir().filter(d -> Files.isRegularFile(d.resolve(SAMPLE)));
  }

  @BeforeAll
  static void fit() {
    Optional<Path> dir = sample();
    if (dir.isEmpty()) {
      return;
    }
    MarketHistory history = new HistoryLoader(d -> false).load(dir.get()).history();
    points = MarketFit.compare(MarketFit.read(dir.get().resolve(SAMPLE)), history, MarketConfig.DEFAULTS, WEEKDAYS);
    table = MarketFit.table(points);
    System.out.println("Market model against " + points.size() + " real quotes of " + SAMPLE + ":\n"
        + MarketFit.markdown(table));
  }

  @Test
  void everyBucketWithFiftyQuotesIsWithinOneAndAHalfVolPoints() {
    assumeTrue(table != null, "shared/data/" + SAMPLE + " is absent: market model fit test skipped");
    List<MarketFit.Bucket> checked = table.stream().filter(MarketFit.Bucket::checked).toList();
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    assertThat(checked).allSatisfy(b -> assertThat(b.ivError()).as(b.markdownRow()).isLessThanOrEqualTo(1.5));
  }

  @Test
  void everyBucketWithFiftyQuotesHasSpreadsWithinThirtyPercent() {
    assumeTrue(table != null, "shared/data/" + SAMPLE + " is absent: market model fit test skipped");
    List<MarketFit.Bucket> checked = table.stream().filter(MarketFit.Bucket::checked).toList();
    assertThat(checked).allSatisfy(b -> assertThat(b.spreadError()).as(b.markdownRow()).isLessThanOrEqualTo(0.30));
  }
}
