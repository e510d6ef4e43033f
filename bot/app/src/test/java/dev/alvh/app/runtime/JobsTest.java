package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The one job runner: each job calls the engine's step for it once, at the clock's day; end of
 * day settles at the market's close of that day inside the store transaction and tells the broker
 * when that transaction was undone; a day the market does not have runs nothing.
 */
class JobsTest {

  static final LocalDate DAY = LocalDate.of(2024, 3, 8);
  static final Instant CYCLE_AT = DAY.atTime(LocalTime.of(10, 15)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Instant END_AT = DAY.atTime(LocalTime.of(16, 15)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Optional<BigDecimal> CLOSE = Optional.of(new BigDecimal("5123.25"));

  final Jobs.Steps engine = mock(Jobs.Steps.class);
  final Jobs.Market market = mock(Jobs.Market.class);
  final Broker broker = mock(Broker.class);
  final Jobs.Transaction transaction = mock(Jobs.Transaction.class);
  final Jobs.Listener listener = mock(Jobs.Listener.class);
  final VirtualClock clock = new VirtualClock(CYCLE_AT);

  @BeforeEach
  void marketHasTheDay() {
    when(market.has(DAY)).thenReturn(true);
    when(market.settlementClose(DAY)).thenReturn(CLOSE);
    doAnswer(call -> {
      call.<Runnable>getArgument(0).run();
      return null;
    }).when(transaction).run(any());
  }

  Jobs jobs(Jobs.Transaction settleIn) {
    return new Jobs(engine, clock, market, broker, settleIn, listener);
  }

  @Test
  void preOpenRunsTheEnginesPreOpenOnceAndNothingElse() {
    assertThat(jobs(transaction).run(JobKind.PRE_OPEN, CYCLE_AT)).isTrue();
    verify(engine).preOpen();
    verifyNoMoreInteractions(engine);
    verifyNoInteractions(transaction, broker);
  }

  @Test
  void aCycleRunsTheEngineOnceBetweenTheListenersStartAndDone() {
    assertThat(jobs(transaction).run(JobKind.CYCLE, CYCLE_AT)).isTrue();
    InOrder order = inOrder(listener, engine);
    order.verify(listener).beforeJob();
    order.verify(listener).cycleStarting();
    order.verify(engine).cycle();
    order.verify(listener).cycleDone();
    verifyNoMoreInteractions(engine, listener);
    verifyNoInteractions(transaction, broker);
  }

  @Test
  void aCycleThatThrowsIsToldToTheListenerAndThrownOnToTheDriver() {
    IllegalStateException boom = new IllegalStateException("market data gone");
    doThrow(boom).when(engine).cycle();
    assertThatThrownBy(() -> jobs(transaction).run(JobKind.CYCLE, CYCLE_AT)).isSameAs(boom);
    verify(engine).cycle();
    verify(listener).cycleFailed(boom);
    verify(listener, never()).cycleDone();
  }

  @Test
  void endOfDaySettlesAtTheDaysCloseOnceInsideOneTransactionThenEndsTheDay() {
    clock.set(END_AT);
    assertThat(jobs(transaction).run(JobKind.END_OF_DAY, END_AT)).isTrue();
    InOrder order = inOrder(listener, transaction, engine);
    order.verify(listener).beforeJob();
    order.verify(transaction).run(any());
    order.verify(engine).endOfDay(CLOSE);
    order.verify(listener).dayEnded(DAY);
    verifyNoMoreInteractions(engine, transaction);
    verify(broker, never()).transactionUndone();
  }

  @Test
  void anEndOfDayWhoseTransactionIsUndoneTellsTheBrokerAndEndsNoDay() {
    clock.set(END_AT);
    IllegalStateException commitFailed = new IllegalStateException("commit failed");
    doAnswer(call -> {
      call.<Runnable>getArgument(0).run();
      throw commitFailed;
    }).when(transaction).run(any());
    assertThatThrownBy(() -> jobs(transaction).run(JobKind.END_OF_DAY, END_AT)).isSameAs(commitFailed);
    InOrder order = inOrder(engine, broker);
    order.verify(engine).endOfDay(CLOSE);
    order.verify(broker).transactionUndone();
    verify(listener, never()).dayEnded(any());
  }

  @Test
  void whereTheBrokerSettlesOnItsOwnEndOfDayRunsWithoutATransaction() {
    clock.set(END_AT);
    assertThat(jobs(null).run(JobKind.END_OF_DAY, END_AT)).isTrue();
    verify(engine).endOfDay(CLOSE);
    verify(listener).dayEnded(DAY);
    verifyNoInteractions(transaction, broker);
  }

  @Test
  void aDayTheMarketDoesNotHaveRunsNoJob() {
    when(market.has(DAY)).thenReturn(false);
    when(market.tradingDay(DAY)).thenReturn(true);
    Jobs jobs = jobs(transaction);
    for (JobKind kind : JobKind.values()) {
      assertThat(jobs.run(kind, CYCLE_AT)).as("%s", kind).isFalse();
    }
    verifyNoInteractions(engine, listener, transaction, broker);
  }
}
