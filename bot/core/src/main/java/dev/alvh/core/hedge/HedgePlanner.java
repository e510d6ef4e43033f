package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.MarketZone;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.ComboMid;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns the hedge state into orders: which layers to buy, roll, trim and close, and the PRESS
 * spreads (spec section 4, "Layers", "PRESS actions", "UNWIND actions").
 *
 * <p>Idempotent over the positions: the planner compares what the state wants with what is held,
 * so running it every cycle sends each order until it fills and nothing once it has. One-time
 * actions are remembered on the positions ({@link HeldLayer#pressed()},
 * {@link HeldLayer#profitTaken()}) and in the input ({@code pressSpreadsSold},
 * {@code pressGainBudget}).
 *
 * <p>In each cycle, in this order:
 * <ol>
 *   <li>A PRESS spread whose debit to close is at least {@code hedge.press.spread.stopMultipleOfCredit}
 *       times its credit is closed (in any state), and so is one within {@code rollAtDte} days of
 *       expiry: a short VIX call is not carried into the VIX settlement.</li>
 *   <li>A state that wants no adaptive layer (CALM, WATCH, UNWIND) closes every position but the
 *       base layer: layers from the
 *       shortest-dated to the longest, then the PRESS spreads. A spread is one combo, so its short
 *       call never stands without its long call.</li>
 *   <li>Layers above the state's level are closed. Entering PRESS closes L1
 *       ({@code closeL1Share}) and sells {@code closeL2Share} of L2, once.</li>
 *   <li>A wanted layer within {@code rollAtDte} days of expiry is closed and bought again in its
 *       expiry window, at most as many as were held; otherwise a long layer worth at least
 *       {@code profitTakeMultiple} times its cost sells {@code profitTakeSellShare}, once.</li>
 *   <li>Each wanted layer not held is bought, L1 first: quantity = min(budget limit, vega-target
 *       limit), halved on an event day; both limits are in the order's reason.</li>
 *   <li>The standing base layer (revision 2, {@code hedge.base}): bought when missing while condor
 *       tranches are open, rolled at {@code hedge.base.rollAtDte}, closed when no tranche is open;
 *       in every state, the states that want no adaptive layer included.</li>
 *   <li>In PRESS, the realized gain still to move ({@code pressGainBudget}) buys more L3, and once
 *       per PRESS, with VIX at or above {@code hedge.press.spread.vixAtLeast}, VIX bear call
 *       spreads are sold up to their max-loss cap.</li>
 * </ol>
 *
 * <p>Pure: it reads the market from a {@link MarketSnapshot} taken before the plan and calls no
 * port; a datum the snapshot lacks ends the plan with {@link MarketSnapshot.Missing} (the caller
 * adds it and plans again). Stateless and thread-safe.
 */
public final class HedgePlanner {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final DateTimeFormatter CYCLE = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);
  private static final String[] LAYER_NAMES = {"", "L1 first adaptive layer", "L2 intermediate layer", "L3 stabilizer layer"};

  private final HedgeConfig config;

  /** A planner for {@code config}. */
  public HedgePlanner(HedgeConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /**
   * The condors' dollar vega per SPX-vol point, as an absolute value: the sum over the legs of
   * the open tranches of side x quantity x vega (a quote's vega is per 1.00 of volatility, so per
   * contract of multiplier 100 it is USD per vol point). Legs without a quote count 0. Reads the
   * quotes of every opening leg of {@code tranches}.
   */
  public static double condorVega(List<Tranche> tranches, MarketSnapshot market) {
    double sum = 0;
    for (Tranche t : tranches) {
      for (ComboLeg leg : t.openingLegs()) {
        Optional<OptionQuote> q = market.quote(leg.contract());
        if (q.isPresent()) {
          sum += leg.side().sign() * (double) leg.ratio() * t.quantity() * q.get().vega()
              * leg.contract().multiplier() / 100.0;
        }
      }
    }
    return Math.abs(sum);
  }

  /** The condors' risk capital: the sum of max loss over {@code tranches}, USD. */
  public static BigDecimal condorRisk(List<Tranche> tranches) {
    return tranches.stream().map(Tranche::maxLoss).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Plans this cycle's hedge orders over {@code in} and the market as {@code market} saw it.
   *
   * @throws MarketSnapshot.Missing when {@code market} does not hold a datum the plan reads
   */
  public HedgePlan plan(HedgePlanInput in, MarketSnapshot market) {
    Check.notNull(in, "in");
    Check.notNull(market, "market");
    Cycle c = new Cycle(in, market);
    c.stops();
    int want = in.state().level();
    if (want == 0) {
      c.closeAll();
      c.baseLayer();
      return c.result();
    }
    c.trimToState();
    c.rollsAndProfits();
    c.buyMissing();
    if (in.state() == HedgeState.PRESS) {
      c.pressTopUp();
      c.pressSpreads();
    }
    c.baseLayer();
    return c.result();
  }

  /** The work of one plan. */
  private final class Cycle {
    final HedgePlanInput in;
    final MarketSnapshot market;
    final LocalDate today;
    final String stamp;
    final List<HedgeAction> actions = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Positions with an order this cycle. */
    final Set<String> handled = new HashSet<>();
    /** Positions closed in full this cycle. */
    final Set<String> closed = new HashSet<>();
    /** Positions that could not be priced this cycle: still held, left alone. */
    final Set<String> blocked = new HashSet<>();
    final List<HeldLayer> live = new ArrayList<>();
    final List<int[]> rolls = new ArrayList<>();

    Cycle(HedgePlanInput in, MarketSnapshot market) {
      this.in = in;
      this.market = market;
      this.today = in.time().withZoneSameInstant(MarketZone.NEW_YORK).toLocalDate();
      this.stamp = in.time().withZoneSameInstant(MarketZone.NEW_YORK).format(CYCLE);
      for (HeldLayer h : in.held()) {
        if (h.expiry().isAfter(today)) {
          live.add(h);
        }
      }
      live.sort(Comparator.comparing(HeldLayer::expiry).thenComparing(HeldLayer::id));
    }

    boolean done(HeldLayer h) {
      return handled.contains(h.id()) || blocked.contains(h.id());
    }

    HedgePlan result() {
      return new HedgePlan(actions, notes);
    }

    // ------------------------------------------------------------------------------ closing

    void stops() {
      BigDecimal stop = config.press().spread().stopMultipleOfCredit();
      for (HeldLayer h : live) {
        if (h.kind() != HedgeLayerKind.PRESS_SPREAD) {
          continue;
        }
        Optional<BigDecimal> debit = closeDebit(h);
        BigDecimal credit = h.entryPrice().negate();
        long dte = ChronoUnit.DAYS.between(today, h.expiry());
        if (debit.isPresent() && credit.signum() > 0 && debit.get().compareTo(credit.multiply(stop)) >= 0) {
          close(h, "PRESS spread stop: debit to close " + plain(debit.get()) + " >= " + plain(stop) + " x credit "
              + plain(credit));
        } else if (dte <= config.sizing().rollAtDte()) {
          close(h, "PRESS spread within " + config.sizing().rollAtDte() + " DTE (" + dte
              + "): bought back before the VIX settlement");
        }
      }
    }

    void closeAll() {
      String why = in.state() == HedgeState.UNWIND
          ? "UNWIND: close layers shortest-dated first, then the PRESS spreads"
          : in.state() + " holds no adaptive layer: close";
      for (HeldLayer h : live) {
        if (h.kind().isLong() && !h.isBase() && !done(h)) {
          close(h, why);
        }
      }
      for (HeldLayer h : live) {
        if (!h.kind().isLong() && !done(h)) {
          close(h, why);
        }
      }
    }

    void trimToState() {
      int want = in.state().level();
      boolean press = in.state() == HedgeState.PRESS;
      for (HeldLayer h : live) {
        if (!h.kind().isLong() || h.isBase() || done(h)) {
          continue;
        }
        if (h.level() > want) {
          close(h, in.state() + " wants " + want + " layer" + (want == 1 ? "" : "s") + ": close L" + h.level());
        } else if (press && h.level() == 1 && !h.pressed()) {
          pressSell(h, config.press().closeL1Share(), "PRESS action 1: close L1");
        } else if (press && h.level() == 2 && !h.pressed()) {
          pressSell(h, config.press().closeL2Share(), "PRESS action 1: sell half of L2");
        }
      }
    }

    private void pressSell(HeldLayer h, BigDecimal share, String why) {
      int qty = share.multiply(BigDecimal.valueOf(h.quantity())).setScale(0, RoundingMode.FLOOR).intValueExact();
      if (qty >= h.quantity()) {
        close(h, why + " (" + plain(share.multiply(HUNDRED)) + "% of " + h.quantity() + ")");
      } else if (qty > 0) {
        sellPart(h, qty, HedgeAction.Type.PRESS_TRIM, "trim", why + ": " + qty + " of " + h.quantity());
      } else {
        notes.add(h.id() + ": " + why + " rounds to 0 of " + h.quantity() + ", kept");
      }
    }

    void rollsAndProfits() {
      int want = in.state().level();
      BigDecimal multiple = config.sizing().profitTakeMultiple();
      for (HeldLayer h : live) {
        if (!h.kind().isLong() || h.isBase() || done(h) || h.level() > want) {
          continue;
        }
        long dte = ChronoUnit.DAYS.between(today, h.expiry());
        if (dte <= config.sizing().rollAtDte()) {
          if (close(h, "roll: L" + h.level() + " within " + config.sizing().rollAtDte() + " DTE (" + dte
              + ") and " + in.state() + " still wants it")) {
            rolls.add(new int[] {h.level(), h.quantity()});
          }
          continue;
        }
        if (h.profitTaken() || h.entryPrice().signum() <= 0) {
          continue;
        }
        Optional<BigDecimal> value = value(h);
        if (value.isPresent() && value.get().compareTo(h.entryPrice().multiply(multiple)) >= 0) {
          int qty = config.sizing().profitTakeSellShare().multiply(BigDecimal.valueOf(h.quantity()))
              .setScale(0, RoundingMode.FLOOR).intValueExact();
          String why = "profit taking: worth " + plain(value.get()) + " >= " + plain(multiple) + " x cost "
              + plain(h.entryPrice());
          if (qty >= h.quantity()) {
            close(h, why);
          } else if (qty > 0) {
            sellPart(h, qty, HedgeAction.Type.PROFIT_TAKE, "take", why + ": sell " + qty + " of " + h.quantity());
          }
        }
      }
    }

    /** Closes all of {@code h}; false (with a note) when it cannot be priced. */
    private boolean close(HeldLayer h, String why) {
      boolean spread = h.kind() == HedgeLayerKind.PRESS_SPREAD;
      Optional<BigDecimal> debit = closeDebit(h);
      if (debit.isEmpty()) {
        notes.add(h.id() + ": no quote for a leg, not closed this cycle (" + why + ")");
        blocked.add(h.id());
        return false;
      }
      NetPrice limit = debit.get().signum() >= 0
          ? NetPrice.debit(debit.get()).ceilToTick(tick())
          : NetPrice.credit(debit.get().negate()).ceilToTick(tick());
      OrderPurpose purpose = spread ? OrderPurpose.CLOSE_PRESS : OrderPurpose.CLOSE_HEDGE;
      OrderIntent o = new OrderIntent(ref(h.id(), purpose.action()), purpose, 0, h.closingLegs(), h.quantity(),
          limit, why + ": " + describe(h) + " x" + h.quantity());
      actions.add(new HedgeAction(HedgeAction.Type.CLOSE, h.id(), h.level(), h.kind(), o));
      handled.add(h.id());
      closed.add(h.id());
      return true;
    }

    private void sellPart(HeldLayer h, int qty, HedgeAction.Type type, String word, String why) {
      Optional<BigDecimal> debit = closeDebit(h);
      if (debit.isEmpty()) {
        notes.add(h.id() + ": no quote for a leg, not sold this cycle (" + why + ")");
        blocked.add(h.id());
        return;
      }
      NetPrice limit = NetPrice.credit(debit.get().negate().max(BigDecimal.ZERO)).ceilToTick(tick());
      OrderIntent o = new OrderIntent(ref(h.id(), word), OrderPurpose.CLOSE_HEDGE, 0, h.closingLegs(), qty, limit,
          why + ": " + describe(h));
      actions.add(new HedgeAction(type, h.id(), h.level(), h.kind(), o));
      handled.add(h.id());
    }

    // ------------------------------------------------------------------------------ base layer

    /**
     * The standing base layer (revision 2): held in every state while a condor tranche is open;
     * closed when none is open (or when {@code hedge.base.enabled} is false); rolled into its
     * window at {@code hedge.base.rollAtDte}, the expiring calls sold only once the new ones can
     * be priced; neither bought nor rolled while the carry cap is reached (an expiring one is then
     * sold, and the order says why). It takes no profit and PRESS does not sell it: it is the
     * convexity already held when a spike starts.
     */
    void baseLayer() {
      HedgeConfig.Base cfg = config.base();
      boolean condors = in.condorRisk().signum() > 0;
      List<HeldLayer> bases = live.stream().filter(h -> h.isBase() && !done(h)).toList();
      if (!cfg.enabled() || !condors) {
        String why = !cfg.enabled() ? "base layer off (hedge.base.enabled false): close the base layer"
            : "no condor tranche open: close the base layer";
        for (HeldLayer h : bases) {
          close(h, why);
        }
        return;
      }
      // A base position left alone this cycle (no quote) still counts as held: nothing is bought beside it.
      boolean kept = live.stream().anyMatch(h -> h.isBase() && done(h));
      List<HeldLayer> toRoll = new ArrayList<>();
      for (HeldLayer h : bases) {
        long dte = ChronoUnit.DAYS.between(today, h.expiry());
        if (dte > cfg.rollAtDte()) {
          kept = true;
        } else if (in.carryCapReached()) {
          close(h, "base layer within " + cfg.rollAtDte() + " DTE (" + dte + "), not rolled: carry cap reached"
              + " (hedge premium over the trailing " + config.carryCap().months() + " months above "
              + pct(config.carryCap().maxShareOfCredit().doubleValue()) + " of condor credit)");
        } else {
          toRoll.add(h);
        }
      }
      if (kept) {
        return;
      }
      if (in.carryCapReached()) {
        if (bases.isEmpty()) {
          notes.add("base layer: not bought, carry cap reached (hedge premium over the trailing "
              + config.carryCap().months() + " months above " + pct(config.carryCap().maxShareOfCredit().doubleValue())
              + " of condor credit)");
        }
        return;
      }
      Optional<HedgeAction> buy = baseBuy(!toRoll.isEmpty());
      if (buy.isPresent() && !toRoll.isEmpty()
          && !buy.get().order().legs().get(0).contract().expiry().isAfter(toRoll.get(0).expiry())) {
        buy = Optional.empty();
        notes.add("base layer: no later expiry to roll into this cycle, kept");
      }
      if (buy.isEmpty()) {
        // The expiring calls are sold only once their replacement can be bought: until then they stay.
        return;
      }
      for (HeldLayer h : toRoll) {
        long dte = ChronoUnit.DAYS.between(today, h.expiry());
        if (!close(h, "roll: base layer within " + cfg.rollAtDte() + " DTE (" + dte + "), condors open")) {
          return;
        }
      }
      actions.add(buy.get());
    }

    /** The order buying the base layer, sized by its budget and its vega target; empty (with a note) when none. */
    private Optional<HedgeAction> baseBuy(boolean roll) {
      HedgeConfig.Base cfg = config.base();
      Optional<Pick> pick = pickVixCall(0, cfg.asLayer());
      if (pick.isEmpty()) {
        return Optional.empty();
      }
      Pick p = pick.get();
      BigDecimal budget = in.condorRisk().multiply(cfg.budgetShareOfCondorRisk());
      BigDecimal each = p.limit.amount().multiply(HUNDRED);
      long budgetQty = each.signum() > 0 ? budget.divide(each, 0, RoundingMode.FLOOR).longValue() : 0;
      double target = cfg.vegaTarget() * in.condorVega();
      long vegaQty = p.offsetEach > 0 ? (long) Math.ceil(target / p.offsetEach - 1e-9) : 0;
      long qty = Math.min(budgetQty, vegaQty);
      EventDaySize sized = eventDaySize(in, qty);
      qty = sized.qty();
      String event = sized.note();
      String limits = "budget limit " + budgetQty + " (USD " + money(budget) + " = "
          + plain(cfg.budgetShareOfCondorRisk().multiply(HUNDRED)) + "% of condor risk USD " + money(in.condorRisk())
          + ", " + money(each) + " each), vega limit " + vegaQty + " (target " + pct(cfg.vegaTarget())
          + " of condor vega " + whole(in.condorVega()) + " USD/pt = " + whole(target) + ", " + p.offsetText + ")"
          + event;
      if (qty < 1) {
        notes.add("base layer (" + in.state() + "): not bought, quantity 0: " + limits);
        return Optional.empty();
      }
      String id = "B-" + stamp;
      OrderIntent o = new OrderIntent(ref(id, OrderPurpose.OPEN_HEDGE.action()), OrderPurpose.OPEN_HEDGE, 0, p.legs,
          (int) Math.min(qty, Integer.MAX_VALUE), p.limit, (roll ? "roll of " : "") + "base layer ("
              + in.state() + ", condors open): buy " + p.what + " at " + plain(p.limit.amount()) + " x" + qty
              + ": quantity = min(" + limits + ")");
      return Optional.of(new HedgeAction(HedgeAction.Type.OPEN, id, 0, HedgeLayerKind.VIX_CALL, o));
    }

    // ------------------------------------------------------------------------------ opening

    void buyMissing() {
      boolean press = in.state() == HedgeState.PRESS;
      int want = in.state().level();
      for (int level = press ? want : 1; level <= want; level++) {
        final int l = level;
        boolean held = live.stream().anyMatch(h -> h.kind().isLong() && h.level() == l && !closed.contains(h.id()));
        if (held) {
          continue;
        }
        int rollCap = rolls.stream().filter(r -> r[0] == l).mapToInt(r -> r[1]).sum();
        openLayer(level, rollCap > 0 ? rollCap : Integer.MAX_VALUE, rollCap > 0 ? "roll of " : "");
      }
    }

    void pressTopUp() {
      if (in.pressGainBudget().signum() <= 0) {
        return;
      }
      HedgeConfig.Layer layer = config.layer(3);
      if (layer.instrument() != HedgeConfig.LayerInstrument.VIX_CALLS) {
        notes.add("PRESS action 2: L3 is not VIX calls, gain not moved");
        return;
      }
      Optional<Pick> pick = pickVixCall(3, layer);
      if (pick.isEmpty()) {
        return;
      }
      Pick p = pick.get();
      BigDecimal each = p.limit.amount().multiply(HUNDRED);
      int qty = each.signum() > 0 ? in.pressGainBudget().divide(each, 0, RoundingMode.FLOOR).intValue() : 0;
      if (qty < 1) {
        notes.add("PRESS action 2: gain to move USD " + money(in.pressGainBudget()) + " buys no L3 call at "
            + plain(p.limit.amount()));
        return;
      }
      String id = "L3T-" + stamp;
      OrderIntent o = new OrderIntent(ref(id, OrderPurpose.OPEN_HEDGE.action()), OrderPurpose.OPEN_HEDGE, 0,
          List.of(ComboLeg.of(Side.BUY, p.quote.contract())), qty, p.limit,
          "PRESS action 2: move " + plain(config.press().gainToL3Share().multiply(HUNDRED))
              + "% of the realized hedge gain into L3: USD " + money(in.pressGainBudget()) + " buys " + qty + " x "
              + describeContract(p.quote.contract()) + " at " + plain(p.limit.amount()));
      actions.add(new HedgeAction(HedgeAction.Type.OPEN, id, 3, HedgeLayerKind.VIX_CALL, o));
    }

    void pressSpreads() {
      HedgeConfig.PressSpread cfg = config.press().spread();
      boolean anyHeld = live.stream().anyMatch(h -> h.kind() == HedgeLayerKind.PRESS_SPREAD);
      if (in.pressSpreadsSold() || anyHeld) {
        return;
      }
      if (in.vix() < cfg.vixAtLeast()) {
        notes.add("PRESS action 3: no spreads, VIX " + plain(in.vix()) + " < " + plain(cfg.vixAtLeast()));
        return;
      }
      List<LocalDate> expiries = market.expirations(OptionContract.VIX);
      Optional<LocalDate> expiry = inWindow(expiries, cfg.minDte(), cfg.maxDte());
      if (expiries.isEmpty() || expiry.isEmpty()) {
        notes.add("PRESS action 3: no VIX expiry with " + cfg.minDte() + " to " + cfg.maxDte() + " DTE listed");
        return;
      }
      LocalDate front = expiries.stream().filter(d -> d.isAfter(today)).findFirst().orElse(expiry.get());
      OptionChain chain = market.chain(OptionContract.VIX, expiry.get());
      double vxFront = vx(front).orElse(front.equals(expiry.get()) ? chain.underlying() : Double.NaN);
      if (Double.isNaN(vxFront)) {
        notes.add("PRESS action 3: no VX front-month price for " + front);
        return;
      }
      double over = vxFront + cfg.shortStrikeOverVxFront();
      Optional<OptionQuote> shortQ = chain.of(OptionRight.CALL).stream()
          .filter(q -> q.contract().strike().doubleValue() > over).findFirst();
      if (shortQ.isEmpty()) {
        notes.add("PRESS action 3: no VIX call strike above VX front " + plain(vxFront) + " + "
            + plain(cfg.shortStrikeOverVxFront()));
        return;
      }
      BigDecimal shortK = shortQ.get().contract().strike();
      BigDecimal wantLong = shortK.add(BigDecimal.valueOf(cfg.width()));
      Optional<OptionQuote> longQ = chain.of(OptionRight.CALL).stream()
          .filter(q -> q.contract().strike().compareTo(wantLong) >= 0).findFirst();
      if (longQ.isEmpty()) {
        notes.add("PRESS action 3: no VIX call strike at or above " + plain(wantLong) + " for the long leg");
        return;
      }
      List<ComboLeg> legs = List.of(ComboLeg.of(Side.BUY, longQ.get().contract()),
          ComboLeg.of(Side.SELL, shortQ.get().contract()));
      BigDecimal credit = comboMid(legs, longQ.get(), shortQ.get()).negate(); // the spread is sold
      if (credit.signum() <= 0) {
        notes.add("PRESS action 3: the spread " + plain(shortK) + "/" + plain(longQ.get().contract().strike())
            + " pays no credit");
        return;
      }
      NetPrice limit = NetPrice.credit(credit).ceilToTick(tick());
      BigDecimal width = longQ.get().contract().strike().subtract(shortK);
      BigDecimal lossEach = width.subtract(limit.amount()).multiply(HUNDRED);
      BigDecimal cap = in.condorRisk().multiply(cfg.maxLossShareOfCondorRisk());
      int qty = lossEach.signum() > 0 ? cap.divide(lossEach, 0, RoundingMode.FLOOR).intValue() : 0;
      if (limit.amount().signum() <= 0 || qty < 1) {
        notes.add("PRESS action 3: max loss cap USD " + money(cap) + " (" + plain(cfg.maxLossShareOfCondorRisk()
            .multiply(HUNDRED)) + "% of condor risk) fits no spread of max loss USD " + money(lossEach));
        return;
      }
      String id = "PS-" + stamp;
      OrderIntent o = new OrderIntent(ref(id, OrderPurpose.OPEN_PRESS.action()), OrderPurpose.OPEN_PRESS, 0, legs,
          qty, limit, "PRESS action 3: sell VIX " + expiry.get() + " " + plain(shortK) + "/"
              + plain(longQ.get().contract().strike()) + " bear call spread x" + qty + " for " + plain(limit.amount())
              + " (VIX " + plain(in.vix()) + " >= " + plain(cfg.vixAtLeast()) + ", short strike above VX front "
              + plain(vxFront) + " + " + plain(cfg.shortStrikeOverVxFront()) + "): max loss USD "
              + money(lossEach.multiply(BigDecimal.valueOf(qty))) + " <= cap USD " + money(cap));
      actions.add(new HedgeAction(HedgeAction.Type.OPEN_SPREAD, id, 0, HedgeLayerKind.PRESS_SPREAD, o));
    }

    private void openLayer(int level, int cap, String rollWord) {
      HedgeConfig.Layer layer = config.layer(level);
      String name = LAYER_NAMES[level];
      boolean puts = layer.instrument() == HedgeConfig.LayerInstrument.SPX_PUT_SPREADS;
      Optional<Pick> pick = puts ? pickPutSpread(level, layer) : pickVixCall(level, layer);
      if (pick.isEmpty()) {
        return;
      }
      Pick p = pick.get();
      BigDecimal budget = in.condorRisk().multiply(config.sizing().budgetShareOfCondorRisk());
      BigDecimal layerBudget = budget.multiply(layer.budgetShare());
      BigDecimal each = p.limit.amount().multiply(HUNDRED);
      long budgetQty = each.signum() > 0 ? layerBudget.divide(each, 0, RoundingMode.FLOOR).longValue() : 0;
      double target = layer.vegaTarget() * in.condorVega();
      double heldOffset = 0;
      for (HeldLayer h : live) {
        if (h.kind().isLong() && !h.isBase() && h.level() < level && !closed.contains(h.id())) {
          heldOffset += h.quantity() * offsetEach(h.kind(), h.level(), h.legs()).orElse(0);
        }
      }
      double perContract = p.offsetEach;
      double missing = Math.max(0, target - heldOffset);
      long vegaQty = perContract > 0 ? (long) Math.ceil(missing / perContract - 1e-9) : 0;
      long qty = Math.min(budgetQty, vegaQty);
      EventDaySize sized = eventDaySize(in, qty);
      qty = sized.qty();
      String event = sized.note();
      String rollCap = "";
      if (cap != Integer.MAX_VALUE && qty > cap) {
        qty = cap;
        rollCap = "; a roll buys at most the " + cap + " held";
      }
      String limits = "budget limit " + budgetQty + " (USD " + money(layerBudget) + " = "
          + plain(layer.budgetShare().multiply(HUNDRED)) + "% of hedge budget USD " + money(budget) + ", "
          + money(each) + " each), vega limit " + vegaQty + " (target " + pct(layer.vegaTarget())
          + " of condor vega " + whole(in.condorVega()) + " USD/pt = " + whole(target) + " minus " + whole(heldOffset)
          + " held, " + p.offsetText + ")" + event + rollCap;
      if (qty < 1) {
        notes.add(name + " (" + in.state() + "): not bought, quantity 0: " + limits);
        return;
      }
      String id = "L" + level + "-" + stamp;
      OrderIntent o = new OrderIntent(ref(id, OrderPurpose.OPEN_HEDGE.action()), OrderPurpose.OPEN_HEDGE, 0, p.legs,
          (int) Math.min(qty, Integer.MAX_VALUE), p.limit, rollWord + name + " (" + in.state() + "): buy " + p.what
              + " at " + plain(p.limit.amount()) + " x" + qty + ": quantity = min(" + limits + ")");
      actions.add(new HedgeAction(HedgeAction.Type.OPEN, id, level,
          puts ? HedgeLayerKind.SPX_PUT_SPREAD : HedgeLayerKind.VIX_CALL, o));
    }

    /** The VIX call of {@code layer}: expiry in its window, first strike >= VX(expiry) + offset. */
    private Optional<Pick> pickVixCall(int level, HedgeConfig.Layer layer) {
      String name = level == 0 ? "base layer" : "L" + level;
      Optional<LocalDate> expiry = inWindow(market.expirations(OptionContract.VIX), layer.minDte(), layer.maxDte());
      if (expiry.isEmpty()) {
        notes.add(name + ": no VIX expiry with " + layer.minDte() + " to " + layer.maxDte() + " DTE listed");
        return Optional.empty();
      }
      OptionChain chain = market.chain(OptionContract.VIX, expiry.get());
      double vx = vx(expiry.get()).orElse(chain.underlying());
      double min = vx + layer.strikeOffset();
      Optional<OptionQuote> q = chain.of(OptionRight.CALL).stream()
          .filter(x -> x.contract().strike().doubleValue() >= min - 1e-9).findFirst();
      if (q.isEmpty()) {
        notes.add(name + ": no VIX " + expiry.get() + " call strike at or above VX " + plain(vx) + " + "
            + plain(layer.strikeOffset()));
        return Optional.empty();
      }
      OptionQuote quote = q.get();
      if (quote.mid().signum() <= 0) {
        notes.add(name + ": " + describeContract(quote.contract()) + " has no price");
        return Optional.empty();
      }
      NetPrice limit = NetPrice.debit(quote.mid()).ceilToTick(tick());
      double offset = Math.abs(quote.delta()) * in.beta(level) * quote.contract().multiplier();
      return Optional.of(new Pick(List.of(ComboLeg.of(Side.BUY, quote.contract())), quote, limit, offset,
          describeContract(quote.contract()) + " (VX " + plain(round2(vx)) + " + " + plain(layer.strikeOffset()) + ")",
          "delta " + plain(round2(quote.delta())) + " x beta " + plain(round2(in.beta(level))) + " x 100 = "
              + plain(round2(offset)) + " USD/pt each"));
    }

    /** The SPX put spread of {@code layer} (the L2 alternative): long near the configured delta. */
    private Optional<Pick> pickPutSpread(int level, HedgeConfig.Layer layer) {
      String name = "L" + level;
      Optional<LocalDate> expiry = inWindow(market.expirations(OptionContract.SPXW), layer.minDte(), layer.maxDte());
      if (expiry.isEmpty()) {
        notes.add(name + ": no SPXW expiry with " + layer.minDte() + " to " + layer.maxDte() + " DTE listed");
        return Optional.empty();
      }
      OptionChain chain = market.chain(OptionContract.SPXW, expiry.get());
      Optional<OptionQuote> longQ = chain.nearestDelta(OptionRight.PUT, config.desk().putSpreadLongDelta());
      if (longQ.isEmpty()) {
        notes.add(name + ": SPXW " + expiry.get() + " has no puts");
        return Optional.empty();
      }
      BigDecimal wantShort = longQ.get().contract().strike().subtract(BigDecimal.valueOf(config.desk().putSpreadWidth()));
      Optional<OptionQuote> shortQ = chain.of(OptionRight.PUT).stream()
          .filter(q -> q.contract().strike().compareTo(wantShort) <= 0)
          .max(Comparator.comparing(q -> q.contract().strike()));
      if (shortQ.isEmpty()) {
        notes.add(name + ": no SPXW " + expiry.get() + " put at or below " + plain(wantShort));
        return Optional.empty();
      }
      List<ComboLeg> legs = List.of(ComboLeg.of(Side.BUY, longQ.get().contract()),
          ComboLeg.of(Side.SELL, shortQ.get().contract()));
      BigDecimal debit = comboMid(legs, longQ.get(), shortQ.get());
      if (debit.signum() <= 0) {
        notes.add(name + ": the SPX put spread costs nothing, not bought");
        return Optional.empty();
      }
      NetPrice limit = NetPrice.debit(debit).ceilToTick(tick());
      double offset = Math.max(0, longQ.get().vega() - shortQ.get().vega()) * longQ.get().contract().multiplier() / 100.0;
      return Optional.of(new Pick(legs, longQ.get(), limit, offset,
          "SPXW " + expiry.get() + " " + plain(longQ.get().contract().strike()) + "/"
              + plain(shortQ.get().contract().strike()) + " put spread",
          "spread vega " + plain(round2(offset)) + " USD/pt each"));
    }

    /** USD per VIX (or SPX-vol) point that one combo of a long position offsets now, if quoted. */
    private OptionalDouble offsetEach(HedgeLayerKind kind, int level, List<ComboLeg> legs) {
      if (kind == HedgeLayerKind.VIX_CALL) {
        Optional<OptionQuote> q = market.quote(legs.get(0).contract());
        return q.map(x -> OptionalDouble.of(Math.abs(x.delta()) * in.beta(level) * x.contract().multiplier()))
            .orElse(OptionalDouble.empty());
      }
      double sum = 0;
      for (ComboLeg leg : legs) {
        Optional<OptionQuote> q = market.quote(leg.contract());
        if (q.isEmpty()) {
          return OptionalDouble.empty();
        }
        sum += leg.side().sign() * q.get().vega() * leg.contract().multiplier() / 100.0;
      }
      return OptionalDouble.of(Math.max(0, sum));
    }

    // ------------------------------------------------------------------------------ helpers

    /**
     * The first expiry with {@code minDte} to {@code maxDte} days to expiry; when there is none,
     * the one nearest to the window and at most {@code hedge.desk.expiryWindowSlackDays} outside it
     * (on a tie the later one), with a note saying so.
     */
    private Optional<LocalDate> inWindow(List<LocalDate> expiries, int minDte, int maxDte) {
      Optional<LocalDate> in = expiries.stream().filter(d -> {
        long dte = ChronoUnit.DAYS.between(today, d);
        return dte >= minDte && dte <= maxDte;
      }).sorted().findFirst();
      if (in.isPresent()) {
        return in;
      }
      int slack = config.desk().expiryWindowSlackDays();
      LocalDate best = null;
      long bestOff = Long.MAX_VALUE;
      for (LocalDate d : expiries) {
        long dte = ChronoUnit.DAYS.between(today, d);
        long off = dte < minDte ? minDte - dte : dte - maxDte;
        if (dte > 0 && off <= slack && (off < bestOff || off == bestOff && d.isAfter(best))) {
          best = d;
          bestOff = off;
        }
      }
      if (best != null) {
        notes.add("no expiry with " + minDte + " to " + maxDte + " DTE; using " + best + " ("
            + ChronoUnit.DAYS.between(today, best) + " DTE), " + bestOff + " day(s) outside the window");
      }
      return Optional.ofNullable(best);
    }

    private OptionalDouble vx(LocalDate expiry) {
      return market.vxFuture(expiry);
    }

    /** The debit to close one combo of {@code h} at mid (negative when closing receives cash). */
    private Optional<BigDecimal> closeDebit(HeldLayer h) {
      return ComboMid.of(h.closingLegs(), market::quote);
    }

    /** What one combo of {@code h} is worth at mid, points (negative for a short spread). */
    private Optional<BigDecimal> value(HeldLayer h) {
      return closeDebit(h).map(BigDecimal::negate);
    }

    private OrderRef ref(String id, String action) {
      return OrderRef.forLayer(id, action, in.time());
    }

    private BigDecimal tick() {
      return config.desk().priceTick();
    }
  }

  /** One combo of {@code legs} at mid ({@link ComboMid}), each leg priced by the one of {@code quotes} of its contract. */
  private static BigDecimal comboMid(List<ComboLeg> legs, OptionQuote... quotes) {
    return ComboMid.of(legs, List.of(quotes)).orElseThrow();
  }

  /** A chosen instrument, its price and the vega it offsets per combo. */
  private record Pick(List<ComboLeg> legs, OptionQuote quote, NetPrice limit, double offsetEach, String what,
      String offsetText) {
  }

  private static String describe(HeldLayer h) {
    if (h.legs().size() == 1) {
      return h.id() + " " + describeContract(h.legs().get(0).contract());
    }
    OptionContract a = h.legs().get(0).contract();
    OptionContract b = h.legs().get(1).contract();
    return h.id() + " " + a.tradingClass() + " " + a.expiry() + " " + plain(a.strike()) + "/" + plain(b.strike()) + " "
        + a.right().code();
  }

  private static String describeContract(OptionContract c) {
    return c.tradingClass() + " " + c.expiry() + " " + plain(c.strike()) + " " + c.right().code();
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private static String plain(double v) {
    return plain(BigDecimal.valueOf(v));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String whole(double v) {
    return String.valueOf(Math.round(v));
  }

  private static String pct(double share) {
    return plain(BigDecimal.valueOf(share).multiply(HUNDRED)) + "%";
  }

  /** A layer's size after the event-day rule, and the note that says so (empty on other days). */
  private record EventDaySize(long qty, String note) {
  }

  /**
   * {@code qty} on an event day: {@code hedge.sizing.eventDaySizeFactor} of it, rounded down, with
   * a note naming the full size; other days {@code qty} unchanged.
   */
  private EventDaySize eventDaySize(HedgePlanInput in, long qty) {
    if (!in.eventDay()) {
      return new EventDaySize(qty, "");
    }
    BigDecimal factor = config.sizing().eventDaySizeFactor();
    long scaled = BigDecimal.valueOf(qty).multiply(factor).setScale(0, RoundingMode.FLOOR).longValue();
    return new EventDaySize(scaled, "; event day: " + plain(factor.multiply(HUNDRED)) + "% of " + qty);
  }
}
