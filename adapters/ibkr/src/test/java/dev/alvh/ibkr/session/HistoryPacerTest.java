package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** IB's historical-data pacing rules on a fake clock: each rule's boundary, and no rule ever broken. */
class HistoryPacerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final HistoryPacer pacer = new HistoryPacer(now::get);

  private Duration reserve(String request, String contract) {
    return pacer.reserve(request, contract, false);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void three_daily_requests_of_a_start_go_at_once() {
    assertThat(reserve("SPX 2 Y", "SPX TRADES")).isZero();
    assertThat(reserve("VIX 2 Y", "VIX TRADES")).isZero();
    assertThat(reserve("VIX3M 2 Y", "VIX3M TRADES")).isZero();
  }

  @Test
  void an_identical_request_waits_15_seconds_from_the_first() {
    assertThat(reserve("SPX 2 Y", "SPX TRADES")).isZero();
    advance(Duration.ofSeconds(4));
    assertThat(reserve("SPX 2 Y", "SPX TRADES")).isEqualTo(Duration.ofSeconds(11));
    advance(Duration.ofSeconds(11));
    // the second is booked at 15 s: a third identical one waits until 30 s
    assertThat(reserve("SPX 2 Y", "SPX TRADES")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void the_sixth_request_for_one_contract_within_2_seconds_waits() {
    for (int i = 0; i < 5; i++) {
      assertThat(reserve("SPX " + i + " D", "SPX TRADES")).as("request %d", i).isZero();
      advance(Duration.ofMillis(100));
    }
    // the first went at 0, now is 0.5 s: the sixth may go when the first leaves the 2 s window
    assertThat(reserve("SPX 9 D", "SPX TRADES")).isEqualTo(Duration.ofMillis(1500));
    assertThat(reserve("VIX 9 D", "VIX TRADES")).as("another contract is not held up").isZero();
  }

  @Test
  void bid_ask_counts_twice_and_60_per_10_minutes_is_the_cap() {
    for (int i = 0; i < 29; i++) {
      assertThat(pacer.reserve("C" + i + " 1 D", "C" + i + " BID_ASK", true)).isZero();
      advance(Duration.ofSeconds(1));
    }
    assertThat(reserve("X 1 D", "X TRADES")).as("weight 58 + 1").isZero();
    assertThat(reserve("Y 1 D", "Y TRADES")).as("weight 60").isZero();
    // weight 61 would break the rule: wait until the first booking (29 s ago) is 10 minutes old
    assertThat(reserve("Z 1 D", "Z TRADES")).isEqualTo(Duration.ofMinutes(10).minusSeconds(29));
  }

  @Test
  void a_random_burst_never_breaks_a_rule() {
    java.util.Random random = new java.util.Random(42);
    record Booked(long at, String request, String contract) {
    }
    List<Booked> booked = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String contract = "C" + random.nextInt(3);
      String request = contract + " " + random.nextInt(4);
      Duration wait = reserve(request, contract);
      booked.add(new Booked(now.get() + wait.toNanos(), request, contract));
      advance(Duration.ofMillis(random.nextInt(3000)));
    }
    booked.sort(java.util.Comparator.comparingLong(Booked::at));
    for (int i = 0; i < booked.size(); i++) {
      Booked b = booked.get(i);
      int sameContract = 0;
      int window = 0;
      for (int j = 0; j < i; j++) {
        Booked a = booked.get(j);
        long gap = b.at() - a.at();
        if (a.request().equals(b.request())) {
          assertThat(gap).as("identical requests apart").isGreaterThanOrEqualTo(Duration.ofSeconds(15).toNanos());
        }
        if (a.contract().equals(b.contract()) && gap < Duration.ofSeconds(2).toNanos()) {
          sameContract++;
        }
        if (gap < Duration.ofMinutes(10).toNanos()) {
          window++;
        }
      }
      assertThat(sameContract).as("same contract within 2 s before request %d", i).isLessThan(5);
      assertThat(window).as("requests within 10 min before request %d", i).isLessThan(60);
    }
  }
}
