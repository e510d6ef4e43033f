package dev.alvh.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.config.BotConfig;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder of a short three-book replay: every file, charts that show data, offline HTML. */
class ReportWriterTest {

  @TempDir
  static Path dataDir;
  @TempDir
  static Path out;

  private static Replay.ReplayResult result;

  @BeforeAll
  static void replayAndWrite() {
    NyseCalendar cal = NyseCalendar.of(BotConfig.DEFAULTS.schedule());
    MarketHistory h = MarketHistory.of(SyntheticHistory.twoCycles(5L, LocalDate.of(2024, 1, 2), 120, 4000.0,
        cal::isTradingDay));
    result = new Replay(BotConfig.DEFAULTS, dataDir).runBooks("test", h, cal, null, null, false, List.of(
        "vix.csv line 7: high 14.9 < low 15 on 2024-01-12"));
    new ReportWriter().write(result, "{\"scenario\":\"test\"}", out);
  }

  @Test
  void everyFileIsWritten() {
    for (String f : List.of("report.html", "summary.json", "trades.csv", "transitions.csv", "equity.png",
        "vix-hedge.png", "drawdown.png")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void chartsAreNotBlank() throws Exception {
    for (String png : ReportWriter.CHARTS) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertThat(img).as(png).isNotNull();
      assertThat(img.getWidth()).isGreaterThan(500);
      int background = img.getRGB(2, 2);
      Set<Integer> colours = new HashSet<>();
      long drawn = 0;
      for (int y = 0; y < img.getHeight(); y += 2) {
        for (int x = 0; x < img.getWidth(); x += 2) {
          int rgb = img.getRGB(x, y);
          colours.add(rgb);
          if (rgb != background) {
            drawn++;
          }
        }
      }
      assertThat(colours.size()).as("%s distinct colours", png).isGreaterThan(20);
      assertThat(drawn).as("%s non-background pixels", png).isGreaterThan(2000);
    }
  }

  @Test
  void htmlOpensOfflineAndShowsEveryBookChartAndProblem() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
        .doesNotContain("<link");
    assertThat(html).contains("<style>").contains("<img src=\"equity.png\"").contains("<img src=\"vix-hedge.png\"")
        .contains("<img src=\"drawdown.png\"");
    assertThat(html).contains("<th>alvh</th>").contains("<th>unhedged</th>").contains("<th>rigid</th>")
        .contains("Sortino").contains("vix.csv line 7: high 14.9 &lt; low 15");
  }

  @Test
  void summaryJsonIsTheGivenObject() throws Exception {
    assertThat(Files.readString(out.resolve("summary.json")).strip()).isEqualTo("{\"scenario\":\"test\"}");
  }

  @Test
  void tradesCsvHasEveryFillOfEveryBook() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("trades.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("book,time,orderRef,purpose,contract,side,qty,price,commission");
    long fills = result.books().values().stream().mapToLong(b -> b.fills()).sum();
    assertThat(lines).hasSize((int) fills + 1);
    for (Book b : Book.values()) {
      assertThat(lines.stream().filter(l -> l.startsWith(b.key() + ",")).count())
          .isEqualTo(result.books().get(b).fills());
    }
    String[] first = lines.get(1).split(",");
    assertThat(first).hasSize(9);
    assertThat(first[3]).isEqualTo("OPEN_CONDOR");
    assertThat(first[4]).startsWith("SPXW ");
  }

  @Test
  void transitionsCsvStartsWithItsColumns() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("transitions.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("book,time,from,to,rule");
    long transitions = result.books().values().stream().mapToLong(b -> b.transitions().size()).sum();
    assertThat(lines).hasSize((int) transitions + 1);
  }

  @Test
  void signalsJsonIsFlattenedToOneColumnPerSignal() {
    Map<String, String> m = new ReportWriter().flatten(
        "{\"vix\":31.2,\"vixRel\":1.45,\"score\":3,\"macd\":{\"hist\":-0.2},\"reason\":\"spike, falling\"}");
    assertThat(m).containsExactly(Map.entry("vix", "31.2"), Map.entry("vixRel", "1.45"), Map.entry("score", "3"),
        Map.entry("macd.hist", "-0.2"), Map.entry("reason", "spike, falling"));
    assertThat(new ReportWriter().flatten("not json")).containsEntry("signals", "not json");
    assertThat(ReportWriter.csv("a", "spike, falling", "say \"hi\"")).isEqualTo(
        "a,\"spike, falling\",\"say \"\"hi\"\"\"\n");
  }
}
