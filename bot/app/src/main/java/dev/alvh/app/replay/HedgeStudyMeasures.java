package dev.alvh.app.replay;

import dev.alvh.app.store.ReplayQueries;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.app.store.HedgeTradeAction;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The measures the hedge study reports per book (issue "a hedge that pays for itself"): the
 * hedge's net cost against the condor credit, the entries the hedge state refused or let through
 * in L2/L3, and per calendar year the days in CALM or WATCH and the adaptive-layer round trips.
 */
public final class HedgeStudyMeasures {

  /** A layer bought and sold within this many trading days is a round trip. */
  public static final int ROUND_TRIP_TRADING_DAYS = 10;

  private static final Set<HedgeState> HIGH_STATES = EnumSet.of(HedgeState.L2, HedgeState.L3);

  private HedgeStudyMeasures() {
  }

  /**
   * One calendar year of a book.
   *
   * @param tradingDays        trading days of the year in the run
   * @param returnPct          equity change over the year (from the previous year's last day
   *                           when the run has it), percent
   * @param maxDrawdownUsd     largest fall of equity from its running peak within the year, USD
   * @param calmOrWatchPct     percent of the year's days that ended in CALM or WATCH
   * @param adaptiveRoundTrips adaptive layers (L1 to L3) bought in the year and sold in full within
   *                           {@value #ROUND_TRIP_TRADING_DAYS} trading days (a roll is no sale)
   * @param adaptiveLayersBought adaptive layers bought in the year
   */
  public record Year(int tradingDays, double returnPct, BigDecimal maxDrawdownUsd, double calmOrWatchPct,
      int adaptiveRoundTrips, int adaptiveLayersBought) {
  }

  /** Credit received on the tranches opened in the run, USD. */
  public static BigDecimal condorCredit(BookRun run) {
    return run.trancheCredits().stream().map(ReplayQueries.TrancheCredit::credit)
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The hedge's net cost (premium and commissions paid minus everything the hedge returned), USD. */
  public static BigDecimal hedgeNetCost(BookRun run) {
    return run.hedgePnl().negate();
  }

  /** {@code cost / credit} in percent, 0 without credit. */
  public static double shareOfCreditPct(BigDecimal cost, BigDecimal credit) {
    if (credit.signum() <= 0) {
      return 0;
    }
    return cost.multiply(BigDecimal.valueOf(100)).divide(credit, 2, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Entries refused by the hedge state, per state; "?" counts those whose stored rule names no state. */
  public static Map<String, Long> entriesBlockedByState(BookRun run) {
    Map<String, Long> out = new TreeMap<>();
    run.stateSkips().forEach(s -> out.merge(s.state().map(HedgeState::name).orElse("?"), 1L, Long::sum));
    return out;
  }

  /** Entries refused while the hedge was in L2 or L3. */
  public static long entriesBlockedInL2L3(BookRun run) {
    return run.stateSkips().stream().filter(s -> s.state().filter(HIGH_STATES::contains).isPresent()).count();
  }

  /**
   * Tranches opened while the hedge was in L2 or L3 (the state at the previous close, which the
   * entry decided on); not 0 only when {@code condor.entryStates} allows them.
   */
  public static long entriesOpenedInL2L3(BookRun run) {
    NavigableMap<LocalDate, HedgeState> state = new TreeMap<>();
    run.snapshots().forEach(s -> state.put(s.date(), s.hedgeState()));
    long n = 0;
    for (ReplayQueries.TrancheCredit t : run.trancheCredits()) {
      Map.Entry<LocalDate, HedgeState> before = state.lowerEntry(t.openedOn());
      if (before != null && HIGH_STATES.contains(before.getValue())) {
        n++;
      }
    }
    return n;
  }

  /** The measures of each calendar year of the run. */
  public static Map<Integer, Year> perYear(BookRun run) {
    List<ReplayQueries.DaySnapshot> snaps = run.snapshots();
    List<LocalDate> days = new ArrayList<>();
    snaps.forEach(s -> days.add(s.date()));
    Map<Integer, Integer> trips = new HashMap<>();
    Map<Integer, Integer> bought = new HashMap<>();
    for (LayerLife l : adaptiveLives(run.hedgeTrades())) {
      bought.merge(l.opened.getYear(), 1, Integer::sum);
      if (l.soldOn != null && tradingDaysBetween(days, l.opened, l.soldOn) <= ROUND_TRIP_TRADING_DAYS) {
        trips.merge(l.opened.getYear(), 1, Integer::sum);
      }
    }
    Map<Integer, Year> out = new LinkedHashMap<>();
    BigDecimal before = null;
    int i = 0;
    while (i < snaps.size()) {
      int year = snaps.get(i).date().getYear();
      List<BigDecimal> equity = new ArrayList<>();
      int calm = 0;
      int n = 0;
      BigDecimal start = before != null ? before : snaps.get(i).equity();
      while (i < snaps.size() && snaps.get(i).date().getYear() == year) {
        ReplayQueries.DaySnapshot s = snaps.get(i);
        equity.add(s.equity());
        if (s.hedgeState() == HedgeState.CALM || s.hedgeState() == HedgeState.WATCH) {
          calm++;
        }
        n++;
        i++;
      }
      BigDecimal end = equity.get(equity.size() - 1);
      double ret = start.signum() > 0 ? Math.round((end.doubleValue() / start.doubleValue() - 1) * 10000) / 100.0 : 0;
      out.put(year, new Year(n, ret, Metrics.maxDrawdown(equity).setScale(2, RoundingMode.HALF_EVEN),
          Math.round(calm * 10000.0 / n) / 100.0, trips.getOrDefault(year, 0), bought.getOrDefault(year, 0)));
      before = end;
    }
    return out;
  }

  /** An adaptive layer's life: the day it was bought and the day it was sold in full (null: not sold). */
  record LayerLife(String id, LocalDate opened, LocalDate soldOn) {
  }

  /**
   * The lives of the adaptive layers (level 1 to 3, bought): sold in full means its combos
   * reached 0 through sales. A settlement at expiry is not a sale, and neither is a roll: a sale
   * on a day the same level is bought again (the layer stays held, in a later expiry).
   */
  static List<LayerLife> adaptiveLives(List<ReplayQueries.HedgeTrade> trades) {
    Map<String, LocalDate> opened = new LinkedHashMap<>();
    Map<String, Integer> qty = new HashMap<>();
    Map<String, LocalDate> sold = new HashMap<>();
    Map<String, Integer> levelOf = new HashMap<>();
    Set<String> boughtOn = new java.util.HashSet<>();
    for (ReplayQueries.HedgeTrade t : trades) {
      if (t.level() >= 1 && t.kind() != HedgeLayerKind.PRESS_SPREAD && t.quantity() > 0) {
        boughtOn.add(t.level() + "@" + t.date());
      }
    }
    for (ReplayQueries.HedgeTrade t : trades) {
      if (t.level() < 1 || t.kind() == HedgeLayerKind.PRESS_SPREAD) {
        continue;
      }
      levelOf.put(t.layerId(), t.level());
      if (t.quantity() > 0) {
        opened.putIfAbsent(t.layerId(), t.date());
        qty.merge(t.layerId(), t.quantity(), Integer::sum);
      } else {
        int left = qty.merge(t.layerId(), t.quantity(), Integer::sum);
        boolean roll = boughtOn.contains(t.level() + "@" + t.date());
        if (left <= 0 && t.action() != HedgeTradeAction.SETTLE && !roll) {
          sold.putIfAbsent(t.layerId(), t.date());
        }
      }
    }
    List<LayerLife> out = new ArrayList<>();
    opened.forEach((id, d) -> out.add(new LayerLife(id, d, sold.get(id))));
    return out;
  }

  /** Trading days from {@code a} to {@code b} on the run's calendar {@code days} (ascending). */
  static int tradingDaysBetween(List<LocalDate> days, LocalDate a, LocalDate b) {
    int ia = Collections.binarySearch(days, a);
    int ib = Collections.binarySearch(days, b);
    ia = ia >= 0 ? ia : -ia - 1;
    ib = ib >= 0 ? ib : -ib - 1;
    return ib - ia;
  }
}
