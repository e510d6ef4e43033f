package dev.alvh.ibkr.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.alvh.core.market.DailyClose;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.msg.ErrorClass;
import dev.alvh.ibkr.server.PaperTws;
import dev.alvh.ibkr.session.TwsRequestException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Daily history through reqHistoricalData against the paper market served over the TWS protocol. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IbkrHistoryTest {

  static final IbkrConfig FAST = IbkrConfig.DEFAULTS.withTiming(3, 60, 50); // no heartbeat during the delayed answer

  private PaperTws tws;
  private IbkrAdapter ib;

  @BeforeEach
  void connect() throws Exception {
    tws = PaperTws.start();
    ib = IbkrAdapter.connect("127.0.0.1", tws.port, 17, FAST,
        tws.clock);
  }

  @AfterEach
  void close() {
    ib.close();
    tws.close();
  }

  @Test
  void daily_closes_arrive_as_the_served_market_keeps_them_up_to_yesterday() {
    LocalDate today = tws.clock.marketDate();
    for (String symbol : List.of("SPX", "VIX", "VIX3M")) {
      List<DailyClose> served = tws.market.dailyHistory(symbol, 504);
      List<DailyClose> got = ib.market().dailyHistory(symbol, 504);
      assertThat(served).as(symbol + " served").hasSize(60);
      assertThat(got).as(symbol + " through the protocol").containsExactlyElementsOf(served);
      assertThat(got.get(got.size() - 1).date()).isBefore(today);
    }
    assertThat(ib.market().dailyHistory("SPX", 20)).as("the last 20 only")
        .containsExactlyElementsOf(tws.market.dailyHistory("SPX", 20));
    assertThat(ib.market().dailyHistory("SPX", 0)).isEmpty();
    assertThat(tws.server.historyRequestsReceived()).isEqualTo(4);
  }

  @Test
  void days_are_asked_as_whole_years_and_bar_dates_read_with_or_without_a_time() {
    assertThat(IbkrMarketData.durationFor(1)).isEqualTo("1 Y");
    assertThat(IbkrMarketData.durationFor(252)).isEqualTo("1 Y");
    assertThat(IbkrMarketData.durationFor(253)).isEqualTo("2 Y");
    assertThat(IbkrMarketData.durationFor(504)).isEqualTo("2 Y");
    assertThat(IbkrMarketData.barDate("20260316")).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(IbkrMarketData.barDate("20260316  16:00:00")).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(IbkrMarketData.barDate("1773950400")).isNull();
    assertThat(IbkrMarketData.barDate("x")).isNull();
  }

  @Test
  void no_data_is_tws_error_162_named_in_the_exception() {
    assertThatThrownBy(() -> ib.market().dailyHistory("NDX", 504))
        .isInstanceOfSatisfying(TwsRequestException.class, e -> assertThat(e.code()).isEqualTo(162))
        .hasMessageContaining("reqHistoricalData NDX IND@CBOE 2 Y refused by TWS: 162")
        .hasMessageContaining("HMDS query returned no data");
    assertThat(ErrorClass.of(162)).isEqualTo(ErrorClass.REQUEST_FAILED);
    assertThat(ErrorClass.of(366)).isEqualTo(ErrorClass.REQUEST_FAILED);
    assertThat(ib.market().dailyHistory("SPX", 5)).as("the session goes on").hasSize(5);
  }

  @Test
  void an_answer_later_than_the_time_limit_fails_and_cancels_the_request() {
    tws.server.faults().delayAnswers(Duration.ofSeconds(4));
    assertThatThrownBy(() -> ib.market().dailyHistory("VIX", 504))
        .isInstanceOf(TwsRequestException.class).hasMessageContaining("no answer from TWS within 3 s");
    await().atMost(Duration.ofSeconds(20)).until(() -> tws.server.historyCancelsReceived() == 1);
    tws.server.faults().delayAnswers(Duration.ZERO);
  }
}
