package dev.alvh.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketFit;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market model section on a chain file made from the model itself: the model fits it to
 * the tick, every bucket is on the page, and one smile chart per shown date.
 */
class MarketModelReportTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final List<LocalDate> DAYS = List.of(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10),
      LocalDate.of(2024, 1, 12), LocalDate.of(2024, 1, 16));

  @TempDir
  Path chains;
  @TempDir
  Path out;

  private MarketHistory history() {
    List<DailyBar> bars = new ArrayList<>();
    for (LocalDate d = DAYS.get(0); !d.isAfter(DAYS.get(3)); d = d.plusDays(1)) {
      if (WEEKDAYS.test(d)) {
        bars.add(new DailyBar(d, 4700, 4720, 14, 14.5, 16, 16.2));
      }
    }
    return MarketHistory.of(bars);
  }

  /** The model's own quotes, at the close, in the sample's layout (snapshot = the close). */
  private void writeModelChains(MarketHistory h) throws Exception {
    StringBuilder csv = new StringBuilder(
        "quote_date,underlying_close,underlying_snapshot,root,expiration,dte,type,strike,bid,ask,volume,open_interest\n");
    VirtualClock clock = new VirtualClock(MarketFit.close(DAYS.get(0)));
    SimulatedMarket m = new SimulatedMarket(h, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    for (LocalDate d : DAYS) {
      clock.set(MarketFit.close(d));
      for (int dte : new int[] {10, 31, 88}) {
        LocalDate e = d.plusDays(dte);
        while (!WEEKDAYS.test(e)) {
          e = e.plusDays(1);
        }
        for (int k = 4200; k <= 5000; k += 25) {
          for (OptionRight r : OptionRight.values()) {
            OptionQuote q = m.quote(new OptionContract("SPX", OptionContract.SPXW, e, BigDecimal.valueOf(k), r, 100))
                .orElseThrow();
            if (q.bid().signum() > 0) {
              csv.append(String.format(Locale.ROOT, "%s,4720,4720,SPXW,%s,%d,%s,%d,%s,%s,0,0%n", d, e,
                  ChronoUnit.DAYS.between(d, e), r == OptionRight.PUT ? "put" : "call", k, q.bid().toPlainString(),
                  q.ask().toPlainString()));
            }
          }
        }
      }
    }
    Files.writeString(chains.resolve("model_chains.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(chains.resolve("other.csv"), "date,open,high,low,close\n2024-01-08,1,1,1,1\n");
  }

  @Test
  void theModelsOwnQuotesFitWithinAQuarterOfAVolPointAndTheSectionIsWritten() throws Exception {
    MarketHistory h = history();
    writeModelChains(h);
    Files.writeString(out.resolve("report.html"), "<html><body>\n<h2>Books</h2>\n</body></html>\n");

    MarketModelReport.Result r = new MarketModelReport().write(chains, h, MarketConfig.DEFAULTS, WEEKDAYS, out);

    assertThat(r.quotes()).isGreaterThan(500);
    assertThat(r.table()).hasSize(24);
    assertThat(r.table().stream().filter(b -> b.quotes() > 0))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.ivError()).as(b.markdownRow()).isLessThan(0.25));
    assertThat(r.charts()).containsExactly("market-smile-2024-01-08.png", "market-smile-2024-01-12.png",
        "market-smile-2024-01-16.png");
    for (String png : r.charts()) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertThat(img.getWidth()).isGreaterThan(500);
    }
    String page = Files.readString(out.resolve("report.html"));
    assertThat(page).contains("<h2>Books</h2>\n<h2>Market model</h2>").contains("market-smile-2024-01-12.png")
        .endsWith("</body></html>\n");
    assertThat(page.split("<tr>", -1)).hasSize(1 + 1 + 24);
  }

  @Test
  void aFolderWithoutChainFilesIsRefusedByName() throws Exception {
    Files.writeString(chains.resolve("spx.csv"), "date,open,high,low,close\n");
    assertThatThrownBy(() -> new MarketModelReport().write(chains, history(), MarketConfig.DEFAULTS, WEEKDAYS, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(chains.toString())
        .hasMessageContaining("no chain file");
  }
}
