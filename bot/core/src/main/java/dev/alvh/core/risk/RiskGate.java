package dev.alvh.core.risk;

import dev.alvh.core.Check;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The risk limits of {@code risk.*}, enforced outside the strategy: every order intent the
 * strategy produced is judged here after it was decided and before it is journaled and sent.
 *
 * <p>Pure: it reads no file and no clock. The application tells it whether the kill-switch file
 * exists ({@link #beforeCycle}) and what the account looks like ({@link RiskContext}).
 *
 * <p>The checks, in order (the first that fails names itself in the {@link RiskVerdict}):
 * <ol>
 *   <li>{@code risk.killSwitch}: while the kill switch is engaged (the file
 *       {@code risk.killSwitchFile} in the data directory, or {@link #engageKillSwitch} from the
 *       console) no order at all is sent, not even a closing one: a person has taken over;
 *   <li>{@code risk.maxQuoteAgeSeconds}: quotes older than the limit reject every order (and
 *       {@link #beforeCycle} skips the cycle);
 *   <li>{@code risk.maxDailyLossPct}: a loss since the start of the day of at least the limit
 *       halts the bot; while halted ({@code halted}) only risk-reducing orders pass, until a
 *       person {@linkplain #release releases} it. After a release the daily loss is not checked
 *       again until the start-of-day base changes (the next day), so the release holds;
 *   <li>{@code risk.maxContractsPerOrder}: more combos than the limit;
 *   <li>{@code risk.maxOpenTranches}: an opening order when that many tranches are open;
 *   <li>{@code risk.maxMarginUsePct}: margin used plus the order's margin above the limit's share
 *       of net liquidation (risk-reducing orders are not checked); an order with a short leg no
 *       long leg covers has unbounded margin and is rejected;
 *   <li>{@code risk.priceBandPct}: the limit further from the model price than the band (at least
 *       {@code risk.priceBandMinPoints}); an opening order without a model price is rejected, a
 *       risk-reducing one passes.
 * </ol>
 *
 * <p>Risk-reducing orders are the purposes whose {@link OrderPurpose#reducesRisk()} is true:
 * closing a tranche, selling a hedge layer, buying back a PRESS spread.
 *
 * <p>Not thread-safe; the trading thread owns it. The console's kill switch and release go
 * through the trading thread (or the caller synchronizes).
 */
public final class RiskGate {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final MathContext MC = MathContext.DECIMAL64;

  private final RiskConfig config;
  private HaltState halt;
  private boolean killByConsole;
  private String killReason = "";
  private boolean killByFile;
  private BigDecimal releasedForBase;

  /** A gate over {@code config}, not halted. */
  public RiskGate(RiskConfig config) {
    this(config, HaltState.RUNNING);
  }

  /** A gate over {@code config} in the stored halt state {@code restored}. */
  public RiskGate(RiskConfig config, HaltState restored) {
    this.config = Check.notNull(config, "config");
    this.halt = Check.notNull(restored, "restored");
  }

  /** The limits. */
  public RiskConfig config() {
    return config;
  }

  /** True for orders that only reduce risk and pass while halted. */
  public static boolean isRiskReducing(OrderPurpose purpose) {
    return purpose.reducesRisk();
  }

  /**
   * Judges the coming cycle: rejects it (the cycle is skipped) when the kill switch is engaged or
   * the quotes are stale; halts when the daily loss limit is broken (the cycle still runs, for
   * risk-reducing orders).
   *
   * @param ctx             the account and quotes now (its model price is not used)
   * @param killFilePresent whether the kill-switch file exists in the data directory
   * @param now             the cycle's time, recorded as the start of a halt
   */
  public RiskVerdict beforeCycle(RiskContext ctx, boolean killFilePresent, Instant now) {
    Check.notNull(ctx, "ctx");
    Check.notNull(now, "now");
    killByFile = killFilePresent;
    Optional<RiskVerdict> kill = killCheck();
    if (kill.isPresent()) {
      return kill.get();
    }
    Optional<RiskVerdict> stale = staleCheck(ctx);
    if (stale.isPresent()) {
      return stale.get();
    }
    dailyLossCheck(ctx, now);
    return RiskVerdict.pass();
  }

  /** Judges one order intent; see the class doc for the checks and their order. */
  public RiskVerdict judge(OrderIntent intent, RiskContext ctx, Instant now) {
    Check.notNull(intent, "intent");
    Check.notNull(ctx, "ctx");
    Check.notNull(now, "now");
    boolean reducing = isRiskReducing(intent.purpose());
    Optional<RiskVerdict> early = killCheck().or(() -> staleCheck(ctx));
    if (early.isPresent()) {
      return early.get();
    }
    dailyLossCheck(ctx, now);
    if (halt.halted() && !reducing) {
      return RiskVerdict.reject("halted", "only risk-reducing orders while halted (" + halt.reason() + "); "
          + intent.purpose() + " refused");
    }
    Optional<RiskVerdict> size = sizeCheck(config, intent, ctx.openTranches());
    if (size.isPresent()) {
      return size.get();
    }
    if (!reducing) {
      Optional<RiskVerdict> margin = marginCheck(intent, ctx);
      if (margin.isPresent()) {
        return margin.get();
      }
    }
    return bandCheck(intent, ctx.modelPrice(), reducing);
  }

  /**
   * The {@code risk.priceBandPct} check alone, for a later limit of an order already judged (each
   * step of a price walk): {@code intent}'s limit against {@code model}.
   */
  public RiskVerdict priceBand(OrderIntent intent, Optional<NetPrice> model) {
    Check.notNull(intent, "intent");
    Check.notNull(model, "model");
    return bandCheck(intent, model, isRiskReducing(intent.purpose()));
  }

  /**
   * The checks that need no market or account state, {@code risk.maxContractsPerOrder} and
   * {@code risk.maxOpenTranches}: the strategy applies them when it decides (so a skipped entry says
   * why) and {@link #judge} again before the order is sent.
   *
   * @param openTranches tranches open before this intent
   */
  public static Optional<RiskVerdict> sizeCheck(RiskConfig config, OrderIntent intent, int openTranches) {
    if (intent.quantity() > config.maxContractsPerOrder()) {
      return Optional.of(RiskVerdict.reject("risk.maxContractsPerOrder", intent.quantity() + " combos > limit "
          + config.maxContractsPerOrder()));
    }
    if (intent.purpose() == OrderPurpose.OPEN_CONDOR && openTranches >= config.maxOpenTranches()) {
      return Optional.of(RiskVerdict.reject("risk.maxOpenTranches", openTranches + " open >= limit "
          + config.maxOpenTranches()));
    }
    return Optional.empty();
  }

  /** Halts the bot (for example from the console); only risk-reducing orders pass until {@link #release}. */
  public void halt(String reason, Instant at) {
    Check.notBlank(reason, "reason");
    if (!halt.halted()) {
      halt = HaltState.halted(reason, at);
    }
  }

  /**
   * A person releases the halt; the daily loss is not checked again until the next day's base.
   *
   * @return the halt that was released ({@link HaltState#RUNNING} when there was none)
   */
  public HaltState release(BigDecimal currentStartOfDayNetLiq) {
    HaltState was = halt;
    halt = HaltState.RUNNING;
    releasedForBase = currentStartOfDayNetLiq;
    return was;
  }

  /** The halt state now, to store. */
  public HaltState haltState() {
    return halt;
  }

  /** True while halted. */
  public boolean halted() {
    return halt.halted();
  }

  /** Engages the kill switch from the console; no order passes until {@link #releaseKillSwitch}. */
  public void engageKillSwitch(String reason) {
    killByConsole = true;
    killReason = Check.notBlank(reason, "reason");
  }

  /** Releases the console's kill switch (the file, if present, still holds). */
  public void releaseKillSwitch() {
    killByConsole = false;
    killReason = "";
  }

  /** True while the kill switch is engaged by the console or, at the last cycle, by the file. */
  public boolean killSwitchEngaged() {
    return killByConsole || killByFile;
  }

  /**
   * The margin an order adds, USD: for each right, the width between its short and long strikes
   * (paired in strike order) times multiplier and quantity; the widest right counts (only one side
   * of a condor can lose), less the credit received. Long-only orders add none (they are paid in
   * cash). Empty when a short leg has no long leg of the same right: the margin is unbounded.
   */
  public static Optional<BigDecimal> marginOf(OrderIntent intent) {
    BigDecimal widest = BigDecimal.ZERO;
    int multiplier = intent.legs().get(0).contract().multiplier();
    for (OptionRight right : OptionRight.values()) {
      List<BigDecimal> shorts = new ArrayList<>();
      List<BigDecimal> longs = new ArrayList<>();
      for (ComboLeg leg : intent.legs()) {
        if (leg.contract().right() != right) {
          continue;
        }
        for (int i = 0; i < leg.ratio(); i++) {
          (leg.side() == Side.SELL ? shorts : longs).add(leg.contract().strike());
        }
      }
      if (shorts.size() > longs.size()) {
        return Optional.empty();
      }
      shorts.sort(Comparator.naturalOrder());
      longs.sort(Comparator.naturalOrder());
      BigDecimal width = BigDecimal.ZERO;
      for (int i = 0; i < shorts.size(); i++) {
        width = width.add(shorts.get(i).subtract(longs.get(i)).abs());
      }
      widest = widest.max(width);
    }
    BigDecimal qty = BigDecimal.valueOf((long) intent.quantity() * multiplier);
    BigDecimal credit = intent.limit().isCredit() ? intent.limit().amount() : BigDecimal.ZERO;
    return Optional.of(widest.subtract(credit).max(BigDecimal.ZERO).multiply(qty));
  }

  private Optional<RiskVerdict> killCheck() {
    if (killByConsole) {
      return Optional.of(RiskVerdict.reject("risk.killSwitch", "engaged from the console: " + killReason));
    }
    if (killByFile) {
      return Optional.of(RiskVerdict.reject("risk.killSwitch", "the file " + config.killSwitchFile()
          + " exists in the data directory; delete it to resume"));
    }
    return Optional.empty();
  }

  private Optional<RiskVerdict> staleCheck(RiskContext ctx) {
    long age = ctx.quoteAge().getSeconds();
    boolean over = ctx.quoteAge().compareTo(java.time.Duration.ofSeconds(config.maxQuoteAgeSeconds())) > 0;
    if (over) {
      return Optional.of(RiskVerdict.reject("risk.maxQuoteAgeSeconds", "quotes " + age + " s old > limit "
          + config.maxQuoteAgeSeconds() + " s"));
    }
    return Optional.empty();
  }

  private void dailyLossCheck(RiskContext ctx, Instant now) {
    BigDecimal base = ctx.startOfDayNetLiq();
    if (halt.halted() || base.signum() <= 0 || (releasedForBase != null && releasedForBase.compareTo(base) == 0)) {
      return;
    }
    BigDecimal lossPct = base.subtract(ctx.account().netLiquidation()).multiply(HUNDRED).divide(base, MC);
    if (lossPct.compareTo(config.maxDailyLossPct()) >= 0) {
      halt = HaltState.halted("risk.maxDailyLossPct: loss " + lossPct.setScale(2, RoundingMode.HALF_EVEN)
          .toPlainString() + "% of start-of-day " + base.toPlainString() + " >= limit "
          + config.maxDailyLossPct().toPlainString() + "%", now);
    }
  }

  private Optional<RiskVerdict> marginCheck(OrderIntent intent, RiskContext ctx) {
    Optional<BigDecimal> add = marginOf(intent);
    if (add.isEmpty()) {
      return Optional.of(RiskVerdict.reject("risk.maxMarginUsePct", "the order has a short leg no long leg of the"
          + " same right covers; its margin is unbounded"));
    }
    BigDecimal netLiq = ctx.account().netLiquidation();
    BigDecimal after = ctx.marginUsed().add(add.get());
    if (netLiq.signum() <= 0) {
      return Optional.of(RiskVerdict.reject("risk.maxMarginUsePct", "net liquidation " + netLiq.toPlainString()
          + " leaves no room for margin " + after.stripTrailingZeros().toPlainString()));
    }
    BigDecimal pct = after.multiply(HUNDRED).divide(netLiq, MC);
    if (pct.compareTo(config.maxMarginUsePct()) > 0) {
      return Optional.of(RiskVerdict.reject("risk.maxMarginUsePct", "margin " + after.stripTrailingZeros().toPlainString() + " after the"
          + " order = " + pct.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "% of net liquidation "
          + netLiq.toPlainString() + " > limit " + config.maxMarginUsePct().toPlainString() + "%"));
    }
    return Optional.empty();
  }

  private RiskVerdict bandCheck(OrderIntent intent, Optional<NetPrice> model, boolean reducing) {
    if (model.isEmpty()) {
      return reducing ? RiskVerdict.pass()
          : RiskVerdict.reject("risk.priceBandPct", "no model price for " + intent.ref() + "; an opening order"
              + " needs one");
    }
    BigDecimal m = model.get().signed();
    BigDecimal deviation = intent.limit().signed().subtract(m).abs();
    BigDecimal allowed = m.abs().multiply(config.priceBandPct()).divide(HUNDRED, MC).max(config.priceBandMinPoints());
    if (deviation.compareTo(allowed) > 0) {
      return RiskVerdict.reject("risk.priceBandPct", "limit " + intent.limit() + " is " + deviation.toPlainString()
          + " points from the model " + model.get() + " > band " + allowed.stripTrailingZeros().toPlainString()
          + " points");
    }
    return RiskVerdict.pass();
  }
}
