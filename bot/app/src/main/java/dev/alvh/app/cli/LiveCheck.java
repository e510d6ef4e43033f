package dev.alvh.app.cli;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.BrokerConfig;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.app.config.LiveConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.Contracts;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.broker.IbkrBroker;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@code alvh live --check}: whether this machine, TWS / IB Gateway and the account are ready for
 * {@code alvh live}. One line per check, {@code OK ...} or {@code FIX: what to do}; exit 0 if every
 * line is OK, 1 otherwise, 2 for bad configuration. Nothing is executed: margins come from what-if
 * previews. Usable against a paper account too (the account line says what {@code alvh live} would do).
 */
final class LiveCheck {

  /** Clock skew against TWS's currentTime tolerated: quote ages and the schedule rely on the local clock. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);

  private final ConfigOption config;
  private final TwsOptions tws;
  private final TwsCheck check = new TwsCheck(System.out);
  private final Clock clock;

  /**
   * A check of the configuration and TWS options of {@code alvh live} on {@code clock} (the wall
   * clock; tests: the virtual time a fake TWS follows).
   */
  LiveCheck(ConfigOption config, TwsOptions tws, Clock clock) {
    this.config = config;
    this.tws = tws;
    this.clock = clock;
  }

  int run() {
    BotConfig cfg;
    BrokerConfig b;
    try {
      cfg = config.read();
      b = tws.broker(cfg, cfg.broker().ibkr());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("config error: " + e.getMessage());
      return 2;
    }
    Optional<IbkrAdapter> connected = TwsCheck.connect(b, clock, why -> line("connection", "FIX: " + why
        + " Start IB Gateway (IBC) and set broker.port: Gateway 4001 live, 4002 paper; TWS 7496 live, 7497 paper;"
        + " enable API socket clients for 127.0.0.1"));
    if (connected.isEmpty()) {
      return 1;
    }
    IbkrAdapter ib = connected.get();
    try {
      List<ServerMessage> seen = new CopyOnWriteArrayList<>();
      ib.session().addListener(new TwsSession.Listener() {
        @Override
        public void onMessage(ServerMessage m) {
          if (m instanceof ServerMessage.MarketDataType || m instanceof ServerMessage.ErrorMessage) {
            seen.add(m);
          }
        }
      });
      line("connection", "OK server version " + ib.session().serverVersion().orElse(-1) + ", client id "
          + ib.session().clientIdInUse() + ", " + b.host() + ":" + b.port());
      account(ib, cfg);
      marketData(ib, seen, "SPX index", () -> {
        ib.market().index("SPX");
        return null;
      });
      marketData(ib, seen, "SPXW options", () -> optionQuote(ib, OptionContract.SPXW));
      marketData(ib, seen, "VIX options", () -> optionQuote(ib, OptionContract.VIX));
      marketData(ib, seen, "VX futures", () -> {
        LocalDate exp = nextExpiry(ib, OptionContract.VIX);
        if (ib.market().vxFuture(exp).isEmpty()) {
          throw new TwsRequestException("no VX future quote for " + exp);
        }
        return null;
      });
      part("what-if condor", () -> "OK " + IbkrCheckCommand.whatIfCondor(ib, cfg, clock));
      part("what-if hedge L1", () -> whatIfLayer(ib, cfg, clock));
      part("clock skew", () -> {
        long tws = ib.session().currentTime();
        long skew = Math.abs(clock.now().getEpochSecond() - tws);
        return skew <= MAX_CLOCK_SKEW.toSeconds() ? "OK " + skew + " s against TWS's time"
            : "FIX: this machine's clock is " + skew + " s off TWS's time (more than " + MAX_CLOCK_SKEW.toSeconds()
                + " s): enable NTP (timedatectl set-ntp true, or chrony)";
      });
      part("foreign orders", () -> foreignOrders(ib));
      part("positions", () -> positions(ib));
    } finally {
      ib.close();
    }
    return check.failed() ? 1 : 0;
  }

  private void account(IbkrAdapter ib, BotConfig cfg) {
    String acct = dev.alvh.app.live.AccountCheck.traded(ib.session().accounts(), cfg.broker().ibkr().account());
    String masked = IbkrBroker.mask(acct);
    String confirm = cfg.live().confirmAccount();
    if (LiveConfig.isPaperAccount(acct)) {
      line("account", "OK paper account " + masked + " (alvh live refuses a paper account; alvh paper --broker ibkr"
          + " trades it)");
    } else if (acct.equals(confirm)) {
      line("account", "OK live account " + masked + " = live.confirmAccount");
    } else {
      check.fail();
      line("account", "FIX: live account " + masked + "; set live.confirmAccount to it (exactly as TWS reports it)"
          + " for alvh live to trade it");
    }
  }

  /**
   * The first expiry of {@code tradingClass} after today's market date: a contract expiring today
   * may already have expired (SPXW at 16:15, VIX at the open), and TWS quotes it no more, so a
   * check run in the evening would report a data problem that is not there.
   */
  private LocalDate nextExpiry(IbkrAdapter ib, String tradingClass) {
    LocalDate today = clock.marketDate();
    return ib.market().expirations(tradingClass).stream().filter(d -> d.isAfter(today)).findFirst()
        .orElseThrow(() -> new TwsRequestException("no " + tradingClass + " expiry after " + today));
  }

  private Object optionQuote(IbkrAdapter ib, String tradingClass) {
    LocalDate exp = nextExpiry(ib, tradingClass);
    double under = OptionContract.VIX.equals(tradingClass) ? ib.market().vxFuture(exp).orElse(ib.market().index("VIX"))
        : ib.market().index("SPX");
    double strike = ib.market().strikes(tradingClass).stream().filter(k -> k >= under).findFirst()
        .orElseThrow(() -> new TwsRequestException("no " + tradingClass + " strike at or above " + under));
    OptionContract c = OptionContract.VIX.equals(tradingClass)
        ? OptionContract.vix(exp, BigDecimal.valueOf(strike), OptionRight.CALL)
        : OptionContract.spxw(exp, BigDecimal.valueOf(strike), OptionRight.CALL);
    if (ib.market().quote(c).isEmpty()) {
      throw new TwsRequestException("no quote for " + c.key());
    }
    return null;
  }

  private void marketData(IbkrAdapter ib, List<ServerMessage> seen, String what, Supplier<Object> probe) {
    int from = seen.size();
    String error = null;
    try {
      probe.get();
    } catch (RuntimeException e) {
      error = e.getMessage();
    }
    List<String> problems = new ArrayList<>();
    for (ServerMessage m : seen.subList(from, seen.size())) {
      if (m instanceof ServerMessage.MarketDataType t && t.marketDataType() != 1) {
        problems.add("marketDataType " + t.marketDataType() + " (not real-time)");
      } else if (m instanceof ServerMessage.ErrorMessage e && List.of(354, 10090, 10167, 10168).contains(e.code())) {
        problems.add("TWS " + e.code() + " " + e.message());
      }
    }
    if (!problems.isEmpty()) {
      check.fail();
      line("data " + what, "FIX: " + String.join("; ", problems.stream().distinct().toList()) + ": subscribe to"
          + " real-time data for " + what + " (IB Client Portal, Settings, Market Data Subscriptions) and set"
          + " broker.ibkr.marketDataType 1");
    } else if (error != null) {
      check.fail();
      line("data " + what, "FIX: " + error);
    } else {
      line("data " + what, "OK real-time");
    }
  }

  private static String whatIfLayer(IbkrAdapter ib, BotConfig cfg, Clock clock) {
    HedgeConfig.Layer l1 = cfg.hedge().layer(1);
    LocalDate today = clock.marketDate();
    LocalDate exp = ib.market().expirations(OptionContract.VIX).stream()
        .filter(d -> !d.isBefore(today.plusDays(l1.minDte())) && !d.isAfter(today.plusDays(l1.maxDte()))).findFirst()
        .orElseThrow(() -> new TwsRequestException("no VIX expiry " + l1.minDte() + "-" + l1.maxDte() + " days out"));
    double vx = ib.market().vxFuture(exp).orElseThrow(() -> new TwsRequestException("no VX future for " + exp));
    double strike = ib.market().strikes(OptionContract.VIX).stream().filter(k -> k >= vx + l1.strikeOffset())
        .findFirst().orElseThrow(() -> new TwsRequestException("no VIX strike at or above VX + " + l1.strikeOffset()));
    OptionContract call = OptionContract.vix(exp, BigDecimal.valueOf(strike), OptionRight.CALL);
    BigDecimal ask = ib.market().quote(call).orElseThrow(() -> new TwsRequestException("no quote for " + call.key()))
        .ask();
    OrderIntent intent = new OrderIntent(new OrderRef("alvh-check-layer-" + clock.now().getEpochSecond()),
        OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(Side.BUY, call)), 1, NetPrice.debit(ask), "live --check");
    IbkrBroker.WhatIf w = ib.broker().whatIf(intent);
    return String.format(Locale.ROOT, "OK VIX %s C%s x1 at %s: initial margin change %s, initial after %s", exp,
        BigDecimal.valueOf(strike).stripTrailingZeros().toPlainString(), ask.toPlainString(), w.initMarginChange(),
        w.initMarginAfter());
  }

  private static String foreignOrders(IbkrAdapter ib) {
    List<ServerMessage> answers = ib.session().call("reqAllOpenOrders", "openOrders",
        new ClientMessage.ReqAllOpenOrders(), m -> m instanceof ServerMessage.OpenOrderEnd);
    List<String> foreign = new ArrayList<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.OpenOrder o && !o.whatIf() && !o.orderRef().startsWith("alvh-")) {
        foreign.add(o.orderId() + " " + o.contract().symbol() + " " + o.action() + " " + o.totalQuantity()
            .toPlainString());
      }
    }
    return foreign.isEmpty() ? "OK none but the bot's"
        : "FIX: " + foreign.size() + " open orders the bot did not make (" + String.join(", ", foreign) + "): cancel"
            + " them in TWS, or trade them from another account";
  }

  private static String positions(IbkrAdapter ib) {
    List<ServerMessage> answers;
    try {
      answers = ib.session().call("reqPositions", "positions", new ClientMessage.ReqPositions(),
          m -> m instanceof ServerMessage.PositionEnd);
    } finally {
      try {
        ib.session().send(new ClientMessage.CancelPositions());
      } catch (TwsRequestException e) {
        // nothing to cancel on a dropped connection
      }
    }
    int options = 0;
    List<String> other = new ArrayList<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.Position p && p.position().signum() != 0) {
        if (Contracts.toOption(p.contract()).isPresent()) {
          options++;
        } else {
          other.add(p.contract().symbol() + " " + p.contract().secType());
        }
      }
    }
    if (!other.isEmpty()) {
      return "FIX: positions the bot does not trade (" + String.join(", ", other) + "): keep them in another account,"
          + " the bot's margin checks count them";
    }
    return "OK " + options + " SPX/SPXW/VIX option positions (the bot matches them to its journal at start and"
        + " reports any it did not make)";
  }

  private void part(String label, TwsCheck.Part p) {
    check.part(label, p, "FIX: ");
  }

  private void line(String label, String value) {
    check.line(label, value);
  }
}
