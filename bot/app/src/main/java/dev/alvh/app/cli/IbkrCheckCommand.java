package dev.alvh.app.cli;

import dev.alvh.app.config.ConfigException;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.BrokerConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.ComboMid;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.broker.IbkrBroker;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.session.TwsRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alvh ibkr-check}: connects to TWS / IB Gateway (or {@code paper-tws}) and prints what the
 * bot would see: server version, accounts (masked), net liquidation, positions, SPX/VIX/VIX3M, the
 * next SPXW and VIX expirations with strike counts, and with {@code --what-if} the margin preview
 * of an iron condor (IB's whatIf flag: never executed). Exit 0 if every part worked, 1 if one
 * failed (each failure is printed), 2 for bad options or configuration.
 */
@Command(name = "ibkr-check", mixinStandardHelpOptions = true,
    description = "Connect to TWS / IB Gateway and print account, quotes and chains; --what-if previews a condor's"
        + " margin (never executed).")
final class IbkrCheckCommand implements Callable<Integer> {

  @Mixin
  TwsOptions tws = new TwsOptions();

  @Option(names = "--market-data-type", paramLabel = "N",
      description = "1 live, 2 frozen, 3 delayed, 4 delayed-frozen (default: broker.ibkr.marketDataType)")
  Integer marketDataType;

  @Option(names = "--what-if", description = "preview the margin of an iron condor (whatIf order, never executed)")
  boolean whatIf;

  @Mixin
  ConfigOption config = new ConfigOption();

  private final TwsCheck check = new TwsCheck(System.out);

  @Override
  public Integer call() {
    BrokerConfig b;
    BotConfig cfg;
    try {
      cfg = config.read();
      IbkrConfig ibkr = marketDataType == null ? cfg.broker().ibkr()
          : cfg.broker().ibkr().withMarketDataType(marketDataType);
      b = tws.broker(cfg, ibkr);
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("ibkr-check: " + e.getMessage().replace("broker.ibkr.marketDataType", "--market-data-type")
          .replace("broker.port", "--port").replace("broker.clientId", "--client-id").replace("broker.host", "--host"));
      return 2;
    }
    Clock clock = Instant::now;
    java.util.Optional<IbkrAdapter> connected = TwsCheck.connect(b, clock,
        why -> System.err.println("ibkr-check: " + why));
    if (connected.isEmpty()) {
      return 1;
    }
    IbkrAdapter ib = connected.get();
    try {
      run(ib, cfg, clock);
    } finally {
      ib.close();
    }
    return check.failed() ? 1 : 0;
  }

  private void run(IbkrAdapter ib, BotConfig cfg, Clock clock) {
    line("server version", ib.session().serverVersion().orElse(-1) + " (connected " + ib.session().connectionTime()
        .orElse("?") + ", client id " + ib.session().clientIdInUse() + ")");
    line("accounts", String.join(", ", ib.session().accounts().stream().map(IbkrBroker::mask).toList()));
    IbkrBroker broker = ib.broker();
    part("net liquidation", () -> {
      Map<String, BigDecimal> v = broker.accountValues();
      return money(v.get("NetLiquidation")) + " USD (cash " + money(v.get("TotalCashValue")) + ", account "
          + IbkrBroker.mask(broker.accountCode()) + ")";
    });
    part("positions", () -> {
      List<Position> ps = broker.positions();
      StringBuilder s = new StringBuilder(String.valueOf(ps.size()));
      ps.stream().sorted(Comparator.comparing(p -> p.contract().key()))
          .forEach(p -> s.append(String.format(Locale.ROOT, "%n%18s%s x %d", "", p.contract().key(), p.quantity())));
      return s.toString();
    });
    for (String index : List.of("SPX", "VIX", "VIX3M")) {
      part(index, () -> String.format(Locale.ROOT, "%.2f", ib.market().index(index)));
    }
    part("daily history", () -> dailyHistory(ib, cfg.broker().ibkr().historyDays()));
    for (String tc : List.of("SPXW", "VIX")) {
      part(tc + " next", () -> {
        List<LocalDate> exps = ib.market().expirations(tc);
        if (exps.isEmpty()) {
          throw new TwsRequestException("no " + tc + " expirations listed");
        }
        String vx = "";
        if (tc.equals("VIX")) {
          var f = ib.market().vxFuture(exps.get(0));
          vx = f.isPresent() ? String.format(Locale.ROOT, ", VX future %.2f", f.getAsDouble()) : ", VX future n/a";
        }
        return exps.get(0) + " (" + ib.market().strikes(tc).size() + " strikes, " + exps.size() + " expirations" + vx
            + ")";
      });
    }
    if (whatIf) {
      part("what-if condor", () -> whatIfCondor(ib, cfg, clock));
    }
  }

  static String whatIfCondor(IbkrAdapter ib, BotConfig cfg, Clock clock) {
    LocalDate today = clock.marketDate();
    int dteMin = cfg.condor().dteMin();
    LocalDate expiry = ib.market().expirations(OptionContract.SPXW).stream()
        .filter(d -> !d.isBefore(today.plusDays(dteMin))).findFirst()
        .orElseThrow(() -> new TwsRequestException("no SPXW expiry " + dteMin + " days out or later"));
    OptionChain chain = ib.market().chain(OptionContract.SPXW, expiry);
    OptionQuote sp = chain.nearestDelta(OptionRight.PUT, cfg.condor().shortDelta())
        .orElseThrow(() -> new TwsRequestException("no SPXW put quotes with greeks for " + expiry));
    OptionQuote sc = chain.nearestDelta(OptionRight.CALL, cfg.condor().shortDelta())
        .orElseThrow(() -> new TwsRequestException("no SPXW call quotes with greeks for " + expiry));
    BigDecimal width = cfg.condor().wingWidth();
    OptionContract lp = OptionContract.spxw(expiry, sp.contract().strike().subtract(width), OptionRight.PUT);
    OptionContract lc = OptionContract.spxw(expiry, sc.contract().strike().add(width), OptionRight.CALL);
    List<ComboLeg> legs = List.of(ComboLeg.of(Side.SELL, sp.contract()), ComboLeg.of(Side.BUY, lp),
        ComboLeg.of(Side.SELL, sc.contract()), ComboLeg.of(Side.BUY, lc));
    // A wing without a quote counts at mid 0 (the credit is only what the what-if order is priced at).
    BigDecimal credit = ComboMid.of(legs, c -> Optional.of(chain.find(c.strike(), c.right())
        .orElse(new OptionQuote(c, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0)))).orElseThrow().negate();
    credit = credit.max(new BigDecimal("0.05")).divide(new BigDecimal("0.05"), 0, RoundingMode.FLOOR)
        .multiply(new BigDecimal("0.05"));
    OrderIntent intent = new OrderIntent(new OrderRef("alvh-check-whatif-" + clock.now().getEpochSecond()),
        OrderPurpose.OPEN_CONDOR, 0, legs, 1, NetPrice.credit(credit), "ibkr-check what-if");
    IbkrBroker.WhatIf w = ib.broker().whatIf(intent);
    return String.format(Locale.ROOT, "SPXW %s P%s/%s C%s/%s x1 credit %s (BAG BUY at %s)%n%18smargin: initial"
        + " change %s, maintenance change %s, initial after %s; commission %s %s%s", expiry,
        lp.strike().toPlainString(), sp.contract().strike().toPlainString(), sc.contract().strike().toPlainString(),
        lc.strike().toPlainString(), credit.toPlainString(), intent.limit().bagLimit().toPlainString(), "",
        w.initMarginChange(), w.maintMarginChange(), w.initMarginAfter(),
        w.commission().map(BigDecimal::toPlainString).orElse("n/a"), w.commissionCurrency(),
        w.warningText().isEmpty() ? "" : "; warning: " + w.warningText());
  }

  /**
   * How many daily closes of SPX, VIX and VIX3M TWS gives for the bot's warm-up; informational:
   * without them the bot starts cold and says so, so a refusal does not fail the check.
   */
  private static String dailyHistory(IbkrAdapter ib, int days) {
    if (days <= 0) {
      return "not asked (broker.ibkr.historyDays is 0)";
    }
    StringBuilder s = new StringBuilder();
    LocalDate first = null;
    LocalDate last = null;
    for (String index : List.of("SPX", "VIX", "VIX3M")) {
      List<dev.alvh.core.market.DailyClose> h;
      try {
        h = ib.market().dailyHistory(index, days);
      } catch (RuntimeException e) {
        return s + index + " not available (" + e.getMessage() + "); the bot would start with cold signals";
      }
      s.append(index).append(' ').append(h.size()).append(", ");
      if (!h.isEmpty()) {
        first = first == null || h.get(0).date().isBefore(first) ? h.get(0).date() : first;
        last = last == null || h.get(h.size() - 1).date().isAfter(last) ? h.get(h.size() - 1).date() : last;
      }
    }
    return s.substring(0, s.length() - 2) + " daily closes (" + days + " asked)"
        + (first == null ? "" : " " + first + ".." + last);
  }

  private void part(String label, TwsCheck.Part p) {
    check.part(label, p, "FAILED: ");
  }

  private void line(String label, String value) {
    check.line(label, value);
  }

  private static String money(BigDecimal v) {
    return v == null ? "n/a" : v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
