package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.ops.HealthServer;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.BrokerConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.config.PaperBrokerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /health on a bot connected to TWS (the paper TWS) reports the age of the last message from it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IbkrHealthTest {

  @TempDir
  Path tmp;

  @Test
  void heartbeatAgeIsANumberOnIbkr() throws Exception {
    SteppedClock clock = new SteppedClock(IbkrWarmUpTest.DAY.atTime(10, 0).atZone(Clock.MARKET_ZONE)
        .toInstant(), Optional.empty());
    try (TwsServer tws = PaperTws.build(BotConfig.DEFAULTS, clock, Duration.ofMillis(50))) {
      BotConfig d = BotConfig.DEFAULTS;
      BrokerConfig b = new BrokerConfig("ibkr", "127.0.0.1",
          tws.start("127.0.0.1", 0), 32, PaperBrokerConfig.DEFAULTS,
          IbkrConfig.DEFAULTS.withTiming(10, 60, 50));
      BotConfig cfg = new BotConfig(d.condor(), d.hedge(), d.risk(), b, d.schedule(), d.store(), d.console(),
          d.market(), d.execution(), d.replay(), d.health(), d.alerts(), d.logging());
      try (Bot bot = Bot.ibkr(cfg, tmp.resolve("ibkr"), clock, ibkr(cfg, clock));
          HealthServer health = HealthServer.start(cfg.health(), bot, bot.metrics())) {
        assertThat(bot.health().heartbeatAge()).as("messages came from TWS").isPresent();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            health.healthUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertThat(j.get("brokerConnected").asBoolean()).isTrue();
        assertThat(j.get("heartbeatAgeSeconds").isNumber()).as(r.body()).isTrue();
        assertThat(j.get("heartbeatAgeSeconds").asLong()).isBetween(0L, 60L);
      }
    }
  }

  private static IbkrAdapter ibkr(BotConfig cfg, Clock clock) {
    BrokerConfig b = cfg.broker();
    return IbkrAdapter.connect(b.host(), b.port(), b.clientId(), b.ibkr(), clock);
  }
}
