package dev.alvh.app.engine;

import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.risk.HaltState;
import dev.alvh.core.risk.RiskContext;
import dev.alvh.core.risk.RiskGate;
import dev.alvh.core.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one authority on whether the bot is halted, and why; everything else asks it.
 *
 * <p>A halt comes from an operator (the {@link Controls} switch, set by a command) or from the
 * risk gate itself (daily loss, the kill-switch file). Before every order and after every job the
 * two are brought in line ({@link #sync}): an operator's halt or release since the last sync wins;
 * a halt the gate found itself sets the switch. The halt as last recorded ({@link #recordIfChanged},
 * persisted by the runtime so that a restart stays halted) is what health reports.
 *
 * <p>It also keeps the daily-loss base: net liquidation at the start of the trading day, by one
 * rule: the pre-open job's reading ({@link #startOfDay}), else the first order's of the day.
 */
public final class HaltAuthority {

  private static final Logger LOG = LoggerFactory.getLogger(HaltAuthority.class);

  private final Clock clock;
  private final Broker broker;
  private final Store store;
  private RiskGate gate;
  private Controls controls = new Controls();
  /** The operator's switch as of the last sync. */
  private boolean haltSeen;
  private BooleanSupplier killFile = () -> false;
  private Consumer<String> riskListener = s -> { };
  private boolean releaseHaltEachDay;
  private LocalDate sodDay;
  private BigDecimal sodNetLiq = BigDecimal.ZERO;
  /** Why the bot is halted as last recorded ({@link #recordIfChanged}); empty when running. */
  private volatile String recordedReason = "";

  HaltAuthority(RiskConfig risk, Clock clock, Broker broker, Store store) {
    this.clock = clock;
    this.broker = broker;
    this.store = store;
    this.gate = new RiskGate(risk);
  }

  /** Runs with risk limits {@code risk} from the next order on; the halt is kept. */
  void reconfigure(RiskConfig risk) {
    RiskGate next = new RiskGate(risk, gate.haltState());
    if (gate.killSwitchEngaged()) {
      next.beforeCycle(riskContext(Optional.empty(), Duration.ZERO), killFile.getAsBoolean(), clock.now());
    }
    this.gate = next;
  }

  /** Uses the operator's switches {@code c}; its halt switch is the operator's halt. */
  void controls(Controls c) {
    this.controls = Check.notNull(c, "controls");
    this.haltSeen = false;
  }

  /**
   * Tells whether the kill-switch file ({@code risk.killSwitchFile} in the data directory)
   * exists; checked before every order. While it exists nothing is sent.
   */
  public void killSwitchFile(BooleanSupplier present) {
    this.killFile = Check.notNull(present, "present");
  }

  /** Called with a line whenever the risk gate halts the bot or refuses an order (alerts). */
  public void onRiskEvent(Consumer<String> listener) {
    this.riskListener = Check.notNull(listener, "listener");
  }

  /** Restores a stored halt (start-up): the gate and the operator's switch say halted too. */
  public void restore(HaltState h) {
    Check.notNull(h, "h");
    if (h.halted()) {
      controls.halted(true);
    }
    this.gate = new RiskGate(gate.config(), h);
    this.haltSeen = h.halted();
    this.recordedReason = h.reason();
  }

  /** The risk gate every order passes. */
  public RiskGate riskGate() {
    return gate;
  }

  /** Whether the bot is halted: no new risk, only risk-reducing orders. */
  public boolean halted() {
    return controls.halted();
  }

  /** Why the bot is halted, as last recorded; empty when it is not. */
  public String reason() {
    return halted() ? (recordedReason.isEmpty() ? "halted by an operator" : recordedReason) : "";
  }

  /**
   * Judges {@code intent} (priced at its first limit) with the risk gate, after syncing the
   * gate's halt with the operator's switch; a halt the gate finds now sets the switch and is
   * alerted once.
   */
  RiskVerdict judge(OrderIntent intent, Optional<NetPrice> model, Duration quoteAge) {
    sync();
    RiskContext ctx = riskContext(model, quoteAge);
    gate.beforeCycle(ctx, killFile.getAsBoolean(), clock.now());
    RiskVerdict v = gate.judge(intent, ctx, clock.now());
    if (gate.halted() && !controls.halted()) {
      controls.halted(true);
      LOG.error("risk: HALTED ({}); only risk-reducing orders until an operator releases it", gate.haltState().reason());
      riskListener.accept("HALTED: " + gate.haltState().reason());
    }
    haltSeen = controls.halted();
    return v;
  }

  /** Tells the listener that an order was refused by {@code v} (not for the halt's own refusals). */
  void refused(OrderIntent intent, RiskVerdict v) {
    riskListener.accept("order " + intent.ref() + " refused: " + v);
  }

  /**
   * Brings the operator's halt switch and the risk gate's halt in line: an operator's halt or
   * release since the last sync wins. Called before every order and after every job.
   */
  public void sync() {
    boolean operator = controls.halted();
    if (operator != haltSeen) {
      if (operator && !gate.halted()) {
        gate.halt("halted by an operator", clock.now());
      } else if (!operator && gate.halted()) {
        LOG.info("risk: halt released by an operator (was: {})", gate.haltState().reason());
        gate.release(sodNetLiq);
      }
    }
    haltSeen = operator;
  }

  /**
   * After a job: syncs, and when the gate's halt differs from the one last recorded gives it to
   * {@code save} (the runtime persists it) and records it.
   *
   * @return true when it changed
   */
  public boolean recordIfChanged(Consumer<HaltState> save) {
    sync();
    HaltState h = gate.haltState();
    if (!h.reason().equals(recordedReason) || h.halted() != !recordedReason.isEmpty()) {
      save.accept(h);
      recordedReason = h.reason();
      return true;
    }
    return false;
  }

  private RiskContext riskContext(Optional<NetPrice> model, Duration quoteAge) {
    AccountSummary a = broker.account();
    BigDecimal sod = startOfDayNetLiq(a);
    BigDecimal margin = store.openTranches().stream().map(t -> t.maxLoss()).reduce(BigDecimal.ZERO, BigDecimal::add)
        .max(BigDecimal.ZERO);
    return new RiskContext(a, sod, margin, store.openTranches().size(), model, quoteAge);
  }

  /** Net liquidation at the start of today: {@code a}'s when it is the first reading of the day. */
  private BigDecimal startOfDayNetLiq(AccountSummary a) {
    LocalDate today = clock.marketDate();
    if (!today.equals(sodDay)) {
      sodDay = today;
      sodNetLiq = a.netLiquidation();
    }
    return sodNetLiq;
  }

  /**
   * Marks the start of a trading day: net liquidation now is the daily-loss base (the pre-open
   * job calls it; otherwise the first order of the day sets it). In replay a halt is released here.
   */
  void startOfDay() {
    sodDay = null;
    startOfDayNetLiq(broker.account());
    if (releaseHaltEachDay && gate.halted()) {
      LOG.warn("risk: the halt ({}) is released at the start of {} (replay: no operator to release it)",
          gate.haltState().reason(), clock.marketDate());
      gate.release(sodNetLiq);
      controls.halted(false);
      haltSeen = false;
    }
  }

  /**
   * Replay only: a halt is released at the next start of day, as no operator is there to do it
   * (a live bot stays halted until {@code release}).
   */
  public void releaseHaltEachDay(boolean value) {
    this.releaseHaltEachDay = value;
  }
}
