package dev.alvh.ibkr.session;

import dev.alvh.core.Check;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Client-side pacing of historical-data requests, so TWS never answers 162 "pacing violation"
 * (IB's rules, tws-protocol.md section 5.3 and IB's "Historical Data Limitations"): no identical
 * request within 15 s; at most 5 requests for the same contract, exchange and tick type within 2 s
 * (the sixth is a violation); at most 60 requests within 10 minutes, a {@code BID_ASK} request
 * counting twice. IB states these for bars of 30 s or less; they are applied to every historical
 * request here, which costs nothing at a handful of daily-bar requests per start.
 *
 * <p>{@link #reserve} books the earliest instant a request may go out and says how long to wait
 * for it; the caller waits (or gives up if that is too long) and sends. Thread-safe.
 */
final class HistoryPacer {

  /** Identical requests at least this far apart. */
  static final Duration IDENTICAL_GAP = Duration.ofSeconds(15);
  /** Window of the same-contract rule. */
  static final Duration SAME_CONTRACT_WINDOW = Duration.ofSeconds(2);
  /** Requests for one contract, exchange and tick type allowed within the window. */
  static final int SAME_CONTRACT_MAX = 5;
  /** Window of the overall rule. */
  static final Duration WINDOW = Duration.ofMinutes(10);
  /** Request weight allowed within the overall window. */
  static final int WINDOW_MAX = 60;

  private record Sent(long at, String request, String contract, int weight) {
  }

  private final LongSupplier nanos;
  private final Deque<Sent> sent = new ArrayDeque<>();

  /** A pacer reading time from {@code nanos} (e.g. {@code System::nanoTime}). */
  HistoryPacer(LongSupplier nanos) {
    this.nanos = Check.notNull(nanos, "nanos");
  }

  /**
   * Books the earliest instant a request may be sent under every rule.
   *
   * @param request  the whole request (contract, end, duration, bar size, what to show, hours)
   * @param contract contract, exchange and tick type ({@code whatToShow})
   * @param bidAsk   true for {@code BID_ASK}, which counts twice
   * @return how long to wait before sending, zero if it may go now
   */
  synchronized Duration reserve(String request, String contract, boolean bidAsk) {
    long now = nanos.getAsLong();
    while (!sent.isEmpty() && now - sent.peekFirst().at() >= WINDOW.toNanos()) {
      sent.removeFirst();
    }
    int weight = bidAsk ? 2 : 1;
    long t = now;
    for (int round = 0; round < 4 * (WINDOW_MAX + SAME_CONTRACT_MAX); round++) {
      long next = earliest(t, request, contract, weight);
      if (next == t) {
        break;
      }
      t = next;
    }
    sent.addLast(new Sent(t, request, contract, weight));
    return Duration.ofNanos(t - now);
  }

  /** {@code t} if every rule allows a request at {@code t}, else a later instant to try. */
  private long earliest(long t, String request, String contract, int weight) {
    long at = t;
    int sameContract = 0;
    int windowWeight = weight;
    // newest first: the k-th booking near t decides each window rule (bookings in the future count too)
    for (Iterator<Sent> it = sent.descendingIterator(); it.hasNext(); ) {
      Sent s = it.next();
      if (s.request().equals(request)) {
        at = Math.max(at, s.at() + IDENTICAL_GAP.toNanos());
      }
      if (s.contract().equals(contract) && Math.abs(t - s.at()) < SAME_CONTRACT_WINDOW.toNanos()) {
        sameContract++;
        if (sameContract >= SAME_CONTRACT_MAX) {
          at = Math.max(at, s.at() + SAME_CONTRACT_WINDOW.toNanos());
        }
      }
      if (Math.abs(t - s.at()) < WINDOW.toNanos()) {
        windowWeight += s.weight();
        if (windowWeight > WINDOW_MAX) {
          at = Math.max(at, s.at() + WINDOW.toNanos());
        }
      }
    }
    return at;
  }
}
