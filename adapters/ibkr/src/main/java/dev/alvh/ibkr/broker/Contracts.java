package dev.alvh.ibkr.broker;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.ibkr.msg.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The contracts the bot trades and reads, in IB's terms (docs/strategy.md section 1, brief §4.1), and
 * the mapping between core {@link OptionContract}s and wire {@link Contract}s.
 *
 * <p>Options are described by symbol, expiry (IB's {@code lastTradeDateOrContractMonth}, which for
 * SPXW and VIX options is the expiration day), strike, right, tradingClass, multiplier 100 and
 * exchange SMART; orders then use the conId found by contract details. Indices are on CBOE, VX
 * futures on CFE with tradingClass VX.
 */
public final class Contracts {

  /** IB's date format for expirations. */
  public static final DateTimeFormatter IB_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  /** Option exchange used for quotes and orders. */
  public static final String OPTION_EXCHANGE = "SMART";
  /** The option trading classes the bot maps into positions. */
  public static final Set<String> TRADING_CLASSES = Set.of("SPXW", "SPX", "VIX", "VIXW");

  private Contracts() {
  }

  /** SPX index on CBOE. */
  public static Contract spx() {
    return index("SPX");
  }

  /** VIX index on CBOE. */
  public static Contract vix() {
    return index("VIX");
  }

  /** VIX3M index on CBOE. */
  public static Contract vix3m() {
    return index("VIX3M");
  }

  /** A USD index on CBOE. */
  public static Contract index(String symbol) {
    return Contract.of(0, symbol, "IND", "", 0.0, "", "", "CBOE", "", "USD", "", "");
  }

  /** The VX future expiring on {@code expiry} (CFE, tradingClass VX, multiplier 1000). */
  public static Contract vxFuture(LocalDate expiry) {
    return Contract.of(0, "VIX", "FUT", expiry.format(IB_DATE), 0.0, "", "1000", "CFE", "", "USD", "", "VX");
  }

  /** The underlying index symbol of an option trading class: SPX for SPX/SPXW, VIX for VIX/VIXW. */
  public static String underlyingOf(String tradingClass) {
    return tradingClass.startsWith("VIX") ? "VIX" : "SPX";
  }

  /** An option described without conId, for quotes and contract details. */
  public static Contract option(OptionContract c) {
    return Contract.of(0, c.symbol(), "OPT", c.expiry().format(IB_DATE), c.strike().doubleValue(), c.right().code(),
        String.valueOf(c.multiplier()), OPTION_EXCHANGE, "", "USD", "", c.tradingClass());
  }

  /** The same option with its conId. */
  public static Contract option(OptionContract c, int conId) {
    return Contract.of(conId, c.symbol(), "OPT", c.expiry().format(IB_DATE), c.strike().doubleValue(),
        c.right().code(), String.valueOf(c.multiplier()), OPTION_EXCHANGE, "", "USD", "", c.tradingClass());
  }

  /**
   * The core contract of a wire option contract, or empty for anything else (stocks, futures,
   * BAGs, option classes the bot does not trade).
   */
  public static Optional<OptionContract> toOption(Contract c) {
    if (!"OPT".equals(c.secType()) || c.strike() <= 0 || c.right().isEmpty()) {
      return Optional.empty();
    }
    String tradingClass = c.tradingClass().isEmpty() ? c.symbol() : c.tradingClass();
    if (!TRADING_CLASSES.contains(tradingClass)) {
      return Optional.empty();
    }
    String date = c.lastTradeDateOrContractMonth();
    if (date.length() < 8) {
      return Optional.empty();
    }
    int multiplier = c.multiplier().isEmpty() ? 100 : (int) Double.parseDouble(c.multiplier());
    return Optional.of(new OptionContract(c.symbol(), tradingClass, LocalDate.parse(date.substring(0, 8), IB_DATE),
        BigDecimal.valueOf(c.strike()).stripTrailingZeros(), OptionRight.parse(c.right()), multiplier));
  }
}
