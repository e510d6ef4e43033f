package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `alvh replay` options: bad input names the option and value (exit 2); real history with every metric. */
class ReplayCommandTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private String errLine(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "replay";
    all[1] = "--data-dir";
    all[2] = dir.resolve("db").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int code = Main.run(all);
    assertThat(code).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
    List<String> lines = io.err().lines().toList();
    assertThat(lines).hasSize(1);
    io.resetErr();
    return lines.get(0);
  }

  @Test
  void badDatesAreNamedWithTheirValue() {
    assertThat(errLine("--from", "2016-13-01")).isEqualTo(
        "replay: --from must be a date YYYY-MM-DD, but was '2016-13-01'");
    assertThat(errLine("--to", "01/04/2016")).isEqualTo("replay: --to must be a date YYYY-MM-DD, but was '01/04/2016'");
    assertThat(errLine("--from", "2020-02-01", "--to", "2020-01-01")).isEqualTo(
        "replay: --to 2020-01-01 is before --from 2020-02-01");
  }

  @Test
  void badDataFolderOrFileStopsBeforeReplaying() throws Exception {
    Path missing = dir.resolve("nowhere");
    assertThat(errLine("--data", missing.toString())).startsWith("replay: data folder " + missing)
        .contains("does not exist");
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("spx.csv"), "date,open,high,low,close\n2024-01-02,1,2,1,1.5\n");
    Files.writeString(data.resolve("vix.csv"), "date;open;high;low;close\n");
    assertThat(errLine("--data", data.toString())).startsWith("replay: vix.csv: header must be");
    assertThat(dir.resolve("db")).doesNotExist();
  }

  @Test
  void unknownScenarioOrScenarioWithDataIsRefused() {
    assertThat(errLine("--scenario", "three-cycles")).isEqualTo(
        "replay: --scenario must be one of [two-cycles], but was 'three-cycles'");
    assertThat(errLine("--scenario", "two-cycles", "--data", "x")).startsWith("replay: give either --scenario or --data");
  }

  @Test
  void rangeOutsideTheHistoryIsNamed() {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the real-history replay");
    assertThat(errLine("--data", shared.get().toString(), "--from", "2030-01-01")).contains("--from 2030-01-01");
  }

  @Test
  void realHistoryQuarterHasThreeBooksWithEveryMetricAndAReport() throws Exception {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the real-history replay");
    Path report = dir.resolve("out");
    int code = Main.run("replay", "--data-dir", dir.resolve("db").toString(), "--data", shared.get().toString(),
        "--from", "2018-01-02", "--to", "2018-06-29", "--report", report.toString(), "--json");
    assertThat(code).as(io.err()).isZero();
    List<String> lines = io.out().lines().toList();
    JsonNode s = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(s.get("from").asText()).isEqualTo("2018-01-02");
    assertThat(s.get("to").asText()).isEqualTo("2018-06-29");
    // the cycles at each day's two extremes and the last one (an extreme may fall on the last cycle)
    assertThat(s.get("cyclesPerDay").asText()).isEqualTo("extremes+last");
    assertThat(s.get("cycles").asLong()).isGreaterThan(2 * s.get("tradingDays").asLong())
        .isLessThanOrEqualTo(3 * s.get("tradingDays").asLong());
    assertThat(s.get("fillModel").get("model").asText()).isEqualTo("SHARE_OF_SPREAD");
    assertThat(s.get("fillModel").get("shareFourLegs").asDouble()).isEqualTo(0.56);
    for (String book : List.of("alvh", "unhedged", "rigid")) {
      JsonNode b = s.get("books").get(book);
      assertThat(b).as(book).isNotNull();
      for (String key : List.of("totalReturn", "cagr", "maxDrawdownPct", "maxDrawdownRiskPct", "sharpe", "sortino",
          "worstMonth", "hedgePremium", "hedgePnl", "layersPerCycle")) {
        assertThat(b.has(key)).as("%s.%s", book, key).isTrue();
      }
      JsonNode x = b.get("execution");
      assertThat(x.get("ordersFilled").asLong()).as(book).isPositive();
      assertThat(x.get("meanStepsToFill").asDouble()).as("%s: orders at mid do not fill by default", book)
          .isGreaterThan(0.5);
      assertThat(x.get("meanSharePaidByLegs").get("4").asDouble()).as(book)
          .isCloseTo(0.56, org.assertj.core.api.Assertions.within(0.005));
    }
    assertThat(s.get("cyclesPerSecond").asDouble()).isPositive();
    assertThat(s.get("volatilityCycles").get("count").asInt()).isEqualTo(1);
    assertThat(s.get("volatilityCycles").get("cycles").get(0).get("peak").asText()).isEqualTo("2018-02-05");
    assertThat(report.resolve("report.html")).isNotEmptyFile();
    assertThat(new ObjectMapper().readTree(report.resolve("summary.json").toFile())).isEqualTo(s);
  }

  private Path tinyHistory() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    String days = "2024-01-02,%1$s\n2024-01-03,%1$s\n2024-01-04,%1$s\n2024-01-05,%1$s\n";
    Files.writeString(data.resolve("spx.csv"), "date,open,high,low,close\n" + days.formatted("4700,4760,4690,4750"));
    Files.writeString(data.resolve("vix.csv"), "date,open,high,low,close\n" + days.formatted("14,14.5,13,13.5"));
    Files.writeString(data.resolve("vix3m.csv"), "date,open,high,low,close\n" + days.formatted("16,16.2,15.5,15.8"));
    return data;
  }

  @Test
  void aBadOptionChainFileIsNamedWithItsLineAndStopsBeforeReplaying() throws Exception {
    Path data = tinyHistory();
    Path options = Files.createDirectories(dir.resolve("options"));
    Files.writeString(options.resolve("spx_2024.csv"), "quote_date,underlying_snapshot,root,expiration,type,strike,bid,ask\n"
        + "2024-01-03,4745,SPXW,2024-02-16,put,4600,31.1,31.5\n"
        + "2024-01-03,4745,SPXW,2024-02-16,put,4650,3l.1,41.5\n");
    assertThat(errLine("--data", data.toString(), "--options", options.toString())).isEqualTo(
        "replay: spx_2024.csv line 3: column bid '3l.1' is not a number");
    Files.writeString(options.resolve("spx_2024.csv"), "date,bid,ask\n2024-01-03,1,2\n");
    assertThat(errLine("--data", data.toString(), "--options", options.toString())).startsWith(
        "replay: spx_2024.csv: the header matches no option chain layout");
    assertThat(errLine("--options", options.toString())).isEqualTo(
        "replay: --options needs --data (real chains go with real history), but --data was not given");
    assertThat(dir.resolve("db")).doesNotExist();
  }

  @Test
  void realChainsOfTheSampleQuoteOptionsAndTheSummaryCountsThem() throws Exception {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent() && Files.isDirectory(shared.get().resolve("options")),
        "../shared/data/options is absent; skipping the replay on real option chains");
    int code = Main.run("replay", "--data-dir", dir.resolve("db").toString(), "--data", shared.get().toString(),
        "--options", shared.get().resolve("options").toString(), "--from", "2019-04-25", "--to", "2019-05-10",
        "--json");
    assertThat(code).as(io.err()).isZero();
    List<String> lines = io.out().lines().toList();
    JsonNode q = new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("quotes");
    assertThat(q.get("chainQuotesLoaded").asLong()).isEqualTo(224_504);
    // 2019-04-25, 04-29, 05-01, 05-03, 05-07 and 05-09 are the sample's dates in the range.
    assertThat(q.get("chainDays").asLong()).isEqualTo(6);
    assertThat(q.get("realChain").asLong()).isPositive();
    assertThat(q.get("model").asLong()).isPositive();
    long books = 0;
    for (JsonNode book : q.get("books")) {
      books += book.get("realChain").asLong();
    }
    assertThat(q.get("books").size()).as("every book of the replay").isEqualTo(4);
    assertThat(books).isEqualTo(q.get("realChain").asLong());
  }
}
