package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.cli.Main;
import dev.alvh.app.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, `alvh replay --json`, end to end on the embedded defaults. */
class TwoCyclesReplayTest {

  @TempDir
  Path dir;

  @Test
  void replayJsonSummaryMatchesTheDatabaseAndOpensTranches() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int code;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      code = Main.run("replay", "--json", "--data-dir", dir.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    JsonNode s = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    for (String key : List.of("tradingDays", "tranchesOpened", "ordersSent", "fills", "finalEquity",
        "maxDrawdownPct", "elapsedMs")) {
      assertThat(s.has(key)).as("summary has %s", key).isTrue();
    }
    assertThat(s.get("tranchesOpened").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(s.get("tradingDays").asLong()).isGreaterThan(450);
    assertThat(s.get("volatilityCycles").get("count").asInt()).as("two-cycles has two volatility cycles").isEqualTo(2);
    assertThat(s.get("cyclesPerDay").asText()).isEqualTo("all");
    assertThat(s.get("alvhVsBase").has("alvhBeatsBase")).isTrue();
    for (String book : List.of("alvh", "unhedged", "rigid", "base")) {
      for (String key : List.of("totalReturn", "cagr", "maxDrawdownPct", "maxDrawdownRiskPct", "sharpe", "sortino",
          "worstMonth", "hedgePremium", "hedgePnl", "layersPerCycle", "maxDrawdownUsd", "cagrOverMaxDrawdown",
          "hedgeNetCostShareOfCreditPct", "entriesBlockedInL2L3", "perYear")) {
        assertThat(s.get("books").get(book).has(key)).as("books.%s.%s", book, key).isTrue();
      }
      assertThat(s.get("books").get(book).get("layersPerCycle")).hasSize(2);
    }
    try (Store store = Store.open(dir, "replay")) {
      assertThat(store.count("tranche")).isEqualTo(s.get("tranchesOpened").asLong());
      assertThat(store.count("orders")).isEqualTo(s.get("ordersSent").asLong());
      assertThat(store.count("fill")).isEqualTo(s.get("fills").asLong());
      assertThat(store.count("leg")).isEqualTo(4 * s.get("tranchesOpened").asLong());
    }
  }
}
