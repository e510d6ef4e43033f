package dev.alvh.core.cycle;

import dev.alvh.core.Check;
import dev.alvh.core.condor.CondorEntryPolicy;
import dev.alvh.core.condor.CondorExitPolicy;
import dev.alvh.core.condor.CondorRollPolicy;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.condor.EntryDecision;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.ComboMid;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision of one trading cycle, the same in live, paper and replay: manage open tranches,
 * then maybe open one, then apply the risk limits.
 *
 * <p>Pure: it reads the market from a {@link MarketSnapshot} taken before the decision and calls no
 * port, no store, no broker. A datum the snapshot lacks ends the decision with
 * {@link MarketSnapshot.Missing}; the caller adds it and decides again. Orders start at the mid
 * price, rounded onto the tick grid toward the natural price.
 */
public final class TradingCycle {

  private final CondorConfig condor;
  private final CondorEntryPolicy entryPolicy;
  private final CondorExitPolicy exitPolicy;
  private final CondorRollPolicy rollPolicy;
  private final RiskLimits riskLimits;

  /** A cycle trading the condors of {@code condor} within the limits of {@code risk}. */
  public TradingCycle(CondorConfig condor, RiskConfig risk) {
    this.condor = Check.notNull(condor, "condor");
    this.entryPolicy = new CondorEntryPolicy(condor);
    this.exitPolicy = new CondorExitPolicy(condor);
    this.rollPolicy = new CondorRollPolicy(condor);
    this.riskLimits = new RiskLimits(Check.notNull(risk, "risk"));
  }

  /**
   * Decides this cycle over {@code in} and the market as {@code market} saw it.
   *
   * @throws MarketSnapshot.Missing when {@code market} does not hold a datum the decision reads
   */
  public CycleDecision decide(CycleInput in, MarketSnapshot market) {
    LocalDate today = in.time().toLocalDate();
    List<String> notes = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    List<CycleDecision.PlannedExit> exits = new ArrayList<>();
    List<CycleDecision.PlannedRoll> rolls = new ArrayList<>();
    int open = in.openTranches().size();

    for (Tranche t : managed(in)) {
      Optional<BigDecimal> debit = closeDebit(t, market, notes);
      if (debit.isEmpty()) {
        continue;
      }
      Optional<ExitReason> reason = exitPolicy.exit(t, debit.get(), today);
      if (reason.isPresent()) {
        NetPrice limit = NetPrice.debit(debit.get().max(BigDecimal.ZERO)).ceilToTick(condor.priceTick());
        OrderIntent order = new OrderIntent(OrderRef.forTranche(t.id(), OrderPurpose.CLOSE_CONDOR.action(), in.time()),
            OrderPurpose.CLOSE_CONDOR, t.id(), t.closingLegs(), t.quantity(), limit,
            reason.get().key() + ": close debit " + debit.get().toPlainString() + " vs credit "
                + t.credit().toPlainString());
        Optional<String> no = riskLimits.rejection(order, open);
        if (no.isPresent()) {
          rejected.add(order.ref() + " " + no.get());
        } else {
          exits.add(new CycleDecision.PlannedExit(t.id(), reason.get(), order));
        }
      } else {
        planRoll(t, in, market, notes, rejected, open).ifPresent(rolls::add);
      }
    }

    Optional<CycleDecision.PlannedEntry> entry = Optional.empty();
    // A time exit configured as a roll (condor.rollAtTimeExit) reopens at once: its successor is
    // not held back by the weekly cadence and the closing tranche does not count as open. At most
    // one successor a day (a close that keeps failing cannot open one every cycle); the risk
    // limit risk.maxOpenTranches still counts every open tranche.
    boolean enteredToday = in.lastEntry().filter(today::equals).isPresent();
    long rolling = enteredToday ? 0 : exits.stream().filter(e -> e.reason() == ExitReason.ROLL).count();
    Optional<EntryDecision.Skip> skip = entryPolicy.gate(today, in.hedgeState(), in.eventDay(),
        open - (int) rolling, rolling > 0 ? Optional.empty() : in.lastEntry());
    if (skip.isEmpty()) {
      Optional<LocalDate> expiry = entryPolicy.expiry(market.expirations(OptionContract.SPXW), today);
      if (expiry.isEmpty()) {
        skip = Optional.of(new EntryDecision.Skip(dev.alvh.core.condor.SkipCode.NO_EXPIRY, "an SPXW expiry between " + condor.dteMin() + " and "
            + condor.dteMax() + " DTE must be listed", "none listed from " + today));
      } else {
        OptionChain chain = market.chain(OptionContract.SPXW, expiry.get());
        EntryDecision d = entryPolicy.select(chain, in.account().netLiquidation());
        if (d instanceof EntryDecision.Skip s) {
          skip = Optional.of(s);
        } else {
          EntryDecision.Enter e = (EntryDecision.Enter) d;
          NetPrice limit = NetPrice.credit(e.condor().midCredit()).ceilToTick(condor.priceTick());
          OrderIntent order = new OrderIntent(
              OrderRef.forTranche(in.nextTrancheId(), OrderPurpose.OPEN_CONDOR.action(), in.time()),
              OrderPurpose.OPEN_CONDOR, in.nextTrancheId(), e.condor().legs(), e.condor().quantity(), limit,
              "iron condor " + expiry.get() + " " + e.condor().longPut().contract().strike().toPlainString() + "/"
                  + e.condor().shortPut().contract().strike().toPlainString() + "/"
                  + e.condor().shortCall().contract().strike().toPlainString() + "/"
                  + e.condor().longCall().contract().strike().toPlainString() + " x" + e.condor().quantity() + " mid credit "
                  + e.condor().midCredit().toPlainString());
          Optional<String> no = riskLimits.rejection(order, open);
          if (no.isPresent()) {
            rejected.add(order.ref() + " " + no.get());
            skip = Optional.of(new EntryDecision.Skip(SkipCode.RISK_LIMIT, "risk limits must allow the order", no.get()));
          } else {
            BigDecimal minCredit = condor.wingWidth().multiply(condor.minCreditPct())
                .divide(BigDecimal.valueOf(100), 4, java.math.RoundingMode.HALF_EVEN);
            entry = Optional.of(new CycleDecision.PlannedEntry(in.nextTrancheId(), e.condor(), order,
                NetPrice.credit(minCredit)));
          }
        }
      }
    }
    return new CycleDecision(exits, rolls, entry, skip, rejected, notes);
  }

  /**
   * The open tranches this cycle manages, in order: those with no working order that expire
   * after today. The decision reads the quotes of their closing legs first, each tranche's legs in
   * order up to the first one not quoted; a snapshot taken for {@link #decide} holds them up front.
   */
  public static List<Tranche> managed(CycleInput in) {
    LocalDate today = in.time().toLocalDate();
    return in.openTranches().stream()
        .filter(t -> !in.busyTranches().contains(t.id()) && t.expiry().isAfter(today)).toList();
  }

  /**
   * The theta-inversion roll of {@code t}, if its conditions hold and a target vertical exists:
   * one four-leg order closing the tested vertical and opening the same-delta vertical (short
   * strike nearest the tested short's |delta| now, wing {@code condor.wingWidth} beyond) in the
   * entry window's expiry, at mid, allowed down to {@code condor.rollMaxDebit}.
   */
  private Optional<CycleDecision.PlannedRoll> planRoll(Tranche t, CycleInput in, MarketSnapshot market,
      List<String> notes, List<String> rejected, int open) {
    if (!rollPolicy.mayRoll(t, in.indices().vix())) {
      return Optional.empty();
    }
    Optional<OptionQuote> sp = market.quote(t.verticalLegs(OptionRight.PUT).get(1).contract());
    Optional<OptionQuote> sc = market.quote(t.verticalLegs(OptionRight.CALL).get(0).contract());
    if (sp.isEmpty() || sc.isEmpty()) {
      return Optional.empty();
    }
    Optional<OptionRight> side = rollPolicy.testedSide(t, in.indices().vix(), sp.get().delta(), sc.get().delta());
    if (side.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = in.time().toLocalDate();
    Optional<LocalDate> target = entryPolicy.expiry(market.expirations(OptionContract.SPXW).stream()
        .filter(e -> e.isAfter(t.expiry(side.get()))).toList(), today);
    String what = "tranche " + t.id() + " " + side.get().name().toLowerCase(java.util.Locale.ROOT) + " side";
    if (target.isEmpty()) {
      notes.add(what + " tested but no later SPXW expiry between " + condor.dteMin() + " and "
          + condor.dteMax() + " DTE is listed: not rolled");
      return Optional.empty();
    }
    OptionChain chain = market.chain(OptionContract.SPXW, target.get());
    double testedDelta = Math.abs(side.get() == OptionRight.PUT ? sp.get().delta() : sc.get().delta());
    Optional<OptionQuote> newShort = chain.nearestDelta(side.get(), testedDelta);
    if (newShort.isEmpty()) {
      notes.add(what + ": no " + side.get() + " near " + testedDelta + " delta in " + target.get());
      return Optional.empty();
    }
    BigDecimal w = condor.wingWidth();
    BigDecimal newShortK = newShort.get().contract().strike();
    BigDecimal newLongK = side.get() == OptionRight.PUT ? newShortK.subtract(w) : newShortK.add(w);
    Optional<OptionQuote> newLong = chain.find(newLongK, side.get());
    if (newLong.isEmpty()) {
      notes.add(what + ": wing " + newLongK.toPlainString() + " not listed in " + target.get());
      return Optional.empty();
    }
    List<ComboLeg> legs = new ArrayList<>();
    t.verticalLegs(side.get()).forEach(l -> legs.add(l.reversed()));
    legs.add(ComboLeg.of(dev.alvh.core.instrument.Side.SELL, newShort.get().contract()));
    legs.add(ComboLeg.of(dev.alvh.core.instrument.Side.BUY, newLong.get().contract()));
    Optional<BigDecimal> mid = ComboMid.of(legs, c -> quoteOrNote(market, c, notes, () -> what + ": no quote for "
        + c.key() + ", not rolled"));
    if (mid.isEmpty()) {
      return Optional.empty();
    }
    NetPrice limit = new NetPrice(mid.get()).ceilToTick(condor.priceTick());
    BigDecimal rollCredit = limit.signed().negate();
    if (!rollPolicy.priceAllowed(rollCredit)) {
      notes.add(what + " tested, but the roll costs a debit of " + limit.amount().toPlainString() + " > "
          + condor.rollMaxDebit().toPlainString() + " (condor.rollMaxDebit): not rolled");
      return Optional.empty();
    }
    OrderIntent order = new OrderIntent(OrderRef.forTranche(t.id(), OrderPurpose.ROLL_CONDOR.action(), in.time()),
        OrderPurpose.ROLL_CONDOR, t.id(), legs, t.quantity(), limit,
        "roll: VIX " + in.indices().vix() + ", short " + side.get().name().toLowerCase(java.util.Locale.ROOT)
            + " delta " + (side.get() == OptionRight.PUT ? sp.get().delta() : sc.get().delta()) + "; to "
            + target.get() + " " + newShortK.toPlainString() + "/" + newLongK.toPlainString() + " at " + limit);
    Optional<String> no = riskLimits.rejection(order, open);
    if (no.isPresent()) {
      rejected.add(order.ref() + " " + no.get());
      return Optional.empty();
    }
    return Optional.of(new CycleDecision.PlannedRoll(t.id(), side.get(), target.get(), newShortK, newLongK, order,
        NetPrice.debit(condor.rollMaxDebit())));
  }

  /** The debit to close one condor of {@code t} at mid, points; empty when a leg is not quoted. */
  private static Optional<BigDecimal> closeDebit(Tranche t, MarketSnapshot market, List<String> notes) {
    return ComboMid.of(t.closingLegs(), c -> quoteOrNote(market, c, notes, () -> "tranche " + t.id()
        + ": no quote for " + c.key() + ", not managed this cycle"));
  }

  /** The quote of {@code c}; when there is none, {@code note} is added to {@code notes}. */
  private static Optional<OptionQuote> quoteOrNote(MarketSnapshot market, OptionContract c, List<String> notes,
      java.util.function.Supplier<String> note) {
    Optional<OptionQuote> q = market.quote(c);
    if (q.isEmpty()) {
      notes.add(note.get());
    }
    return q;
  }
}
