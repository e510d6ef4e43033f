package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;
import java.util.List;

/**
 * A contract as the TWS protocol describes it: the 12-field block of requests and orders, plus
 * the legs of a BAG.
 *
 * <p>Example, an SPXW put: {@code Contract.option("SPX", "20260320", 5500.0, "P", "SPXW",
 * "SMART")} gives conId 0, secType {@code OPT}, multiplier {@code 100}, currency {@code USD}.
 * Strike is a double because it identifies the contract and is written in Java's double format
 * ({@code 5500.0}); it is never used as money.
 *
 * @param conId IB's contract id, 0 if unknown
 * @param symbol underlying symbol, e.g. {@code SPX}
 * @param secType {@code OPT}, {@code IND}, {@code FUT}, {@code BAG}, …
 * @param lastTradeDateOrContractMonth {@code YYYYMMDD} or {@code YYYYMM}, or empty
 * @param strike the strike, 0.0 when not an option
 * @param right {@code C}, {@code P} or empty
 * @param multiplier e.g. {@code 100}, or empty
 * @param exchange e.g. {@code SMART}
 * @param primaryExch primary exchange, usually empty
 * @param currency e.g. {@code USD}
 * @param localSymbol OCC symbol or empty
 * @param tradingClass e.g. {@code SPXW}, or empty
 * @param comboLegs the legs of a BAG, empty otherwise
 */
public record Contract(int conId, String symbol, String secType,
    String lastTradeDateOrContractMonth, double strike, String right, String multiplier,
    String exchange, String primaryExch, String currency, String localSymbol, String tradingClass,
    List<ComboLeg> comboLegs) {

  /** Checks every string is set (possibly empty) and copies the legs. */
  public Contract {
    Check.notNull(symbol, "symbol");
    Check.notNull(secType, "secType");
    Check.notNull(lastTradeDateOrContractMonth, "lastTradeDateOrContractMonth");
    Check.notNull(right, "right");
    Check.notNull(multiplier, "multiplier");
    Check.notNull(exchange, "exchange");
    Check.notNull(primaryExch, "primaryExch");
    Check.notNull(currency, "currency");
    Check.notNull(localSymbol, "localSymbol");
    Check.notNull(tradingClass, "tradingClass");
    comboLegs = List.copyOf(Check.notNull(comboLegs, "comboLegs"));
  }

  /** A contract without legs. */
  public static Contract of(int conId, String symbol, String secType,
      String lastTradeDateOrContractMonth, double strike, String right, String multiplier,
      String exchange, String primaryExch, String currency, String localSymbol,
      String tradingClass) {
    return new Contract(conId, symbol, secType, lastTradeDateOrContractMonth, strike, right,
        multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, List.of());
  }

  /** A USD option by description, multiplier 100, conId unknown. */
  public static Contract option(String symbol, String lastTradeDate, double strike, String right,
      String tradingClass, String exchange) {
    return of(0, symbol, "OPT", lastTradeDate, strike, right, "100", exchange, "", "USD", "",
        tradingClass);
  }

  /** A contract identified by conId and exchange only. */
  public static Contract byConId(int conId, String exchange) {
    return of(conId, "", "", "", 0.0, "", "", exchange, "", "", "", "");
  }

  /** A USD BAG (combo) over {@code legs}. */
  public static Contract bag(String symbol, String exchange, List<ComboLeg> legs) {
    Check.isTrue(!legs.isEmpty(), "legs", "must not be empty for a BAG");
    return new Contract(0, symbol, "BAG", "", 0.0, "", "", exchange, "", "USD", "", "", legs);
  }

  /** True for secType {@code BAG}, whose legs go on the wire. */
  public boolean isBag() {
    return "BAG".equals(secType);
  }
}
