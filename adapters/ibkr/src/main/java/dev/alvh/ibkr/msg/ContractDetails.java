package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The body of a contractData message (brief §3.5) at server version 178.
 *
 * <p>Example: an SPXW option has {@code minTick 0.05}, {@code marketRuleIds "110,110,..."} and a
 * {@code realExpirationDate} like {@code 20260320}; IB dates AM-settled SPX by the last trading
 * day, so use {@code realExpirationDate} for the true expiry.
 *
 * @param contract the contract, with conId, primaryExch and tradingClass filled in
 * @param lastTradeTime the time part that followed the date in lastTradeDateOrContractMonth, or
 *     empty
 * @param longName the long name, {@code \\uXXXX} escapes already undone
 * @param minSize minimum order size, empty if unset
 * @param sizeIncrement order size increment, empty if unset
 * @param suggestedSizeIncrement suggested size increment, empty if unset
 */
public record ContractDetails(Contract contract, String lastTradeTime, String marketName,
    double minTick, String orderTypes, String validExchanges, int priceMagnifier, int underConId,
    String longName, String contractMonth, String industry, String category, String subcategory,
    String timeZoneId, String tradingHours, String liquidHours, String evRule,
    double evMultiplier, List<TagValue> secIdList, int aggGroup, String underSymbol,
    String underSecType, String marketRuleIds, String realExpirationDate, String stockType,
    Optional<BigDecimal> minSize, Optional<BigDecimal> sizeIncrement,
    Optional<BigDecimal> suggestedSizeIncrement) {

  /** Checks every part is set and copies the list. */
  public ContractDetails {
    for (Object o : Arrays.asList(contract, lastTradeTime, marketName, orderTypes,
        validExchanges, longName, contractMonth, industry, category, subcategory, timeZoneId,
        tradingHours, liquidHours, evRule, underSymbol, underSecType, marketRuleIds,
        realExpirationDate, stockType, minSize, sizeIncrement, suggestedSizeIncrement)) {
      Check.notNull(o, "contractDetails field");
    }
    secIdList = List.copyOf(Check.notNull(secIdList, "secIdList"));
  }
}
