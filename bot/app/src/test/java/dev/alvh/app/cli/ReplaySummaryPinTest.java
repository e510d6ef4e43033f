package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alvh.app.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what {@code alvh replay --json} prints on two short windows, so that a change of structure
 * (a refactoring, a faster store) shows at once whether it changed a single decision, fill or
 * figure: the synthetic two-cycles scenario's first 120 trading days, and 2018-01-02..2018-04-30 of
 * the real history (February 2018's VIX spike), the second skipped where {@code ../shared/data}
 * is absent. Only what measures the machine is left out: {@code elapsedMs},
 * {@code cyclesPerSecond}, {@code quotes.chainLoadMs}, the database paths and the data folder's path (the
 * {@code scenario} of a {@code --data} replay).
 *
 * <p>A change that is meant to change results (a rule, a default, the market model) updates the
 * pinned files on purpose: {@code ./mvnw -pl bot/app -am test -Dtest=ReplaySummaryPinTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dalvh.pins.update=true}, and the diff goes into the
 * commit with the reason.
 */
class ReplaySummaryPinTest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final Path PINS = Path.of("src", "test", "resources", "pins");
  private static final boolean UPDATE = Boolean.getBoolean("alvh.pins.update");

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  @Test
  void theSyntheticScenariosSummaryIsThePinnedOne() throws IOException {
    assertPinned("two-cycles-120.json", "replay", "--json", "--data-dir", dir.toString(), "--to", "2023-06-20");
  }

  @Test
  void theRealHistorysSummaryIsThePinnedOne() throws IOException {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the pinned real-history summary");
    assertPinned("shared-2018-01-to-04.json", "replay", "--json", "--data-dir", dir.toString(), "--data",
        shared.get().toString(), "--from", "2018-01-02", "--to", "2018-04-30");
  }

  private void assertPinned(String pin, String... args) throws IOException {
    int code = Main.run(args);
    assertThat(code).as("exit code; stderr: %s", io.err()).isZero();
    List<String> lines = io.out().lines().toList();
    JsonNode summary = withoutMachineFigures(JSON.readTree(lines.get(lines.size() - 1)));
    assertThat(summary.path("tradingDays").asInt()).as("the window replayed").isGreaterThan(60);
    String actual = JSON.writeValueAsString(JSON.treeToValue(summary, Object.class)) + "\n";
    Path file = PINS.resolve(pin);
    if (UPDATE) {
      Files.createDirectories(PINS);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("pinned summary (write it with -Dalvh.pins.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static JsonNode withoutMachineFigures(JsonNode n) {
    ObjectNode o = (ObjectNode) n;
    o.remove(List.of("elapsedMs", "cyclesPerSecond", "database"));
    if (o.get("quotes") instanceof ObjectNode q) {
      q.remove("chainLoadMs");
    }
    o.path("books").forEach(b -> ((ObjectNode) b).remove("database"));
    if (o.path("scenario").asText().endsWith("data")) { // the --data folder's path: where the checkout lies
      o.put("scenario", "DATA");
    }
    return o;
  }
}
