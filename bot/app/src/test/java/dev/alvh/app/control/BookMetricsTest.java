package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.ops.HealthServer;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.config.HealthConfig;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics tells what ctl tells: equity, P&amp;L and greeks of a paper bot with an open condor. */
class BookMetricsTest {

  @TempDir
  Path dir;

  private VirtualClock clock;
  private Bot bot;
  private ControlService service;
  private HealthServer health;

  @BeforeEach
  void start() {
    clock = TestBots.clock();
    bot = TestBots.bot(dir, clock);
    service = new ControlService(bot);
    health = HealthServer.start(HealthConfig.DEFAULTS, bot, bot.metrics());
  }

  @AfterEach
  void stop() {
    health.close();
    bot.close();
  }

  private Reply ok(String line) {
    Reply r = service.execute(Arrays.asList(line.split(" ")), "test@127.0.0.1");
    assertThat(r.ok()).as("%s -> %s", line, r.text()).isTrue();
    return r;
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double sample(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(m.find()).as("%s in%n%s", series, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void metricsEquityPnlAndGreeksMatchCtlWithAnOpenCondor() throws Exception {
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.store().openTranches()).as("the 10:00 cycle opens a condor").hasSize(1);
    clock.set(clock.now().plus(java.time.Duration.ofDays(1))); // the next trading day: marks differ from the fills

    String metrics = get(health.metricsUrl());
    Reply status = ok("status");
    Reply positions = ok("positions");
    Map<String, Object> book = map(positions.data().get("book"));

    BigDecimal equity = new BigDecimal(status.data().get("netLiquidation").toString());
    assertThat(BigDecimal.valueOf(sample(metrics, "alvh_equity_usd")).setScale(2, java.math.RoundingMode.HALF_EVEN))
        .as("equity to the cent").isEqualByComparingTo(equity);
    assertThat(equity).isNotEqualByComparingTo(BigDecimal.ZERO);

    for (String greek : List.of("delta", "gamma", "vega", "theta")) {
      double g = sample(metrics, "alvh_greek{name=\"" + greek + "\"}");
      assertThat(g).as(greek).isNotZero();
      assertThat(g).as(greek + " as ctl positions shows it").isCloseTo(((Number) book.get(greek)).doubleValue(),
          within(1e-4 + Math.abs(g) * 1e-9));
    }
    double unrealized = sample(metrics, "alvh_pnl_usd{kind=\"unrealized\"}");
    assertThat(unrealized).isNotZero();
    assertThat(BigDecimal.valueOf(unrealized).setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(new BigDecimal(book.get("unrealizedPnl").toString()));
    assertThat(BigDecimal.valueOf(sample(metrics, "alvh_pnl_usd{kind=\"day\"}"))
        .setScale(2, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo(new BigDecimal(book.get("dayPnl")
        .toString()));

    // the positions' lines add up to the book
    List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) positions.data().get("positions");
    // the condor's four SPXW legs and the standing base layer's VIX calls
    assertThat(rows).hasSize(5);
    assertThat(rows).filteredOn(r -> r.get("contract").toString().startsWith("SPXW")).hasSize(4);
    BigDecimal sum = rows.stream().map(r -> new BigDecimal(r.get("unrealizedPnl").toString()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(new BigDecimal(book.get("unrealizedPnl").toString()));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("mark")).isNotNull());
    assertThat(positions.text()).contains("mark $/ct", "unreal $", "delta", "theta", "book: equity");
  }

  @Test
  void tranchesShowDaysToExpiryAndUnrealisedPnl() {
    bot.runJob(JobKind.CYCLE, clock.now());
    Reply t = ok("tranches");
    Map<String, Object> row = map(((List<?>) t.data().get("tranches")).get(0));
    assertThat(((Number) row.get("dte")).longValue()).isPositive();
    assertThat(row.get("unrealizedPnl")).isNotNull();
    assertThat(t.text()).contains("DTE " + row.get("dte"), "unrealised " + row.get("unrealizedPnl") + " USD");
  }

  @Test
  void healthHeartbeatIsNullOnTheBuiltInBroker() throws Exception {
    assertThat(new ObjectMapper().readTree(get(health.healthUrl())).get("heartbeatAgeSeconds").isNull()).isTrue();
  }
}
