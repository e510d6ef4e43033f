package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;
import dev.alvh.ibkr.wire.FieldReader;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A message TWS sends to the client (brief §3.4–§3.6), at server version 178.
 *
 * <p>Each record writes its complete field list with {@link #writeTo(FieldWriter)} (used by a fake
 * TWS) and its {@code read} method next to it reads the same list (used by the client through
 * {@link ServerCodec#decode}). Per-message version numbers are skipped on reading; on writing we
 * send the values noted on each record, which are our choice (the brief does not pin them down)
 * and high enough for IB's own client to expect every field we write. A message that is its id
 * and version alone ({@code [id, 1]}), or those and a request id, is written by
 * {@link Message.VersionOnly} or {@link Message.VersionAndReqId} and read by their one reader.
 */
public sealed interface ServerMessage extends Message {

  /**
   * A message that answers one request and names it by the request's id ({@code reqId}): the
   * client routes it to that request.
   */
  interface Answer {
    /** The id of the request answered. */
    int reqId();
  }

  /**
   * {@code [1, 6, tickerId, tickType, price, size, attrMask]}: a price tick; -1 means no quote.
   * IB's client also derives a size tick from {@code size}; we leave that to the consumer.
   *
   * @param size the size that came with the price, empty if unset
   * @param attrMask bit 0 canAutoExecute, bit 1 pastLimit, bit 2 preOpen
   */
  record TickPrice(int tickerId, int tickType, double price, Optional<BigDecimal> size,
      int attrMask) implements ServerMessage {
    public static final int ID = 1;

    /** Checks size is set (possibly empty). */
    public TickPrice {
      Check.notNull(size, "size");
    }

    /** Attribute bit 0. */
    public boolean canAutoExecute() {
      return (attrMask & 1) != 0;
    }

    /** Attribute bit 1. */
    public boolean pastLimit() {
      return (attrMask & 2) != 0;
    }

    /** Attribute bit 2. */
    public boolean preOpen() {
      return (attrMask & 4) != 0;
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(6).writeInt(tickerId).writeInt(tickType).writeDouble(price)
          .writeDecimal(size).writeInt(attrMask);
    }

    static TickPrice read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new TickPrice(r.readInt("tickerId"), r.readInt("tickType"), r.readDouble("price"),
          r.readDecimal("size"), r.readInt("attrMask"));
    }
  }

  /** {@code [2, 6, tickerId, tickType, size]}: a size tick (bid/ask/last size, volume, …). */
  record TickSize(int tickerId, int tickType, Optional<BigDecimal> size) implements ServerMessage {
    public static final int ID = 2;

    /** Checks size is set (possibly empty). */
    public TickSize {
      Check.notNull(size, "size");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(6).writeInt(tickerId).writeInt(tickType).writeDecimal(size);
    }

    static TickSize read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new TickSize(r.readInt("tickerId"), r.readInt("tickType"), r.readDecimal("size"));
    }
  }

  /**
   * {@code [21, tickerId, tickType, tickAttrib, impliedVol, delta, optPrice, pvDividend, gamma,
   * vega, theta, undPrice]}, no version: option greeks. A value TWS did not compute arrives as its
   * sentinel (impliedVol/optPrice/pvDividend/undPrice -1, delta/gamma/vega/theta -2) and is
   * empty here.
   *
   * @param tickAttrib 0 return-based, 1 price-based
   */
  record TickOptionComputation(int tickerId, int tickType, int tickAttrib,
      OptionalDouble impliedVol, OptionalDouble delta, OptionalDouble optPrice,
      OptionalDouble pvDividend, OptionalDouble gamma, OptionalDouble vega, OptionalDouble theta,
      OptionalDouble undPrice) implements ServerMessage {
    public static final int ID = 21;

    /** Checks every value is set (possibly empty). */
    public TickOptionComputation {
      for (OptionalDouble v : Arrays.asList(impliedVol, delta, optPrice, pvDividend, gamma, vega,
          theta, undPrice)) {
        Check.notNull(v, "greek");
      }
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(tickerId).writeInt(tickType).writeInt(tickAttrib)
          .writeDouble(impliedVol.orElse(-1)).writeDouble(delta.orElse(-2))
          .writeDouble(optPrice.orElse(-1)).writeDouble(pvDividend.orElse(-1))
          .writeDouble(gamma.orElse(-2)).writeDouble(vega.orElse(-2))
          .writeDouble(theta.orElse(-2)).writeDouble(undPrice.orElse(-1));
    }

    static TickOptionComputation read(FieldReader r) throws TwsProtocolException {
      return new TickOptionComputation(r.readInt("tickerId"), r.readInt("tickType"),
          r.readInt("tickAttrib"), computed(r.readDouble("impliedVol"), -1),
          computed(r.readDouble("delta"), -2), computed(r.readDouble("optPrice"), -1),
          computed(r.readDouble("pvDividend"), -1), computed(r.readDouble("gamma"), -2),
          computed(r.readDouble("vega"), -2), computed(r.readDouble("theta"), -2),
          computed(r.readDouble("undPrice"), -1));
    }

    private static OptionalDouble computed(double value, double notComputed) {
      return value == notComputed || value >= Double.MAX_VALUE
          ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
  }

  /** {@code [45, 6, tickerId, tickType, value]}: a numeric tick such as halted (49). */
  record TickGeneric(int tickerId, int tickType, double value) implements ServerMessage {
    public static final int ID = 45;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(6).writeInt(tickerId).writeInt(tickType).writeDouble(value);
    }

    static TickGeneric read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new TickGeneric(r.readInt("tickerId"), r.readInt("tickType"), r.readDouble("value"));
    }
  }

  /** {@code [46, 6, tickerId, tickType, value]}: a text tick such as last timestamp (45). */
  record TickString(int tickerId, int tickType, String value) implements ServerMessage {
    public static final int ID = 46;

    /** Checks value is set. */
    public TickString {
      Check.notNull(value, "value");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(6).writeInt(tickerId).writeInt(tickType).writeString(value);
    }

    static TickString read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new TickString(r.readInt("tickerId"), r.readInt("tickType"), r.readString("value"));
    }
  }

  /**
   * {@code [81, tickerId, minTick, bboExchange, snapshotPermissions]}, no version: sent after each
   * reqMktData.
   */
  record TickReqParams(int tickerId, double minTick, String bboExchange, int snapshotPermissions)
      implements ServerMessage {
    public static final int ID = 81;

    /** Checks bboExchange is set. */
    public TickReqParams {
      Check.notNull(bboExchange, "bboExchange");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(tickerId).writeDouble(minTick).writeString(bboExchange)
          .writeInt(snapshotPermissions);
    }

    static TickReqParams read(FieldReader r) throws TwsProtocolException {
      return new TickReqParams(r.readInt("tickerId"), r.readDouble("minTick"),
          r.readString("bboExchange"), r.readInt("snapshotPermissions"));
    }
  }

  /** {@code [57, 1, tickerId]}: a snapshot request is complete. */
  record TickSnapshotEnd(int tickerId) implements ServerMessage {
    public static final int ID = 57;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(tickerId);
    }

    static TickSnapshotEnd read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new TickSnapshotEnd(r.readInt("tickerId"));
    }
  }

  /** {@code [58, 1, tickerId, marketDataType]}: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  record MarketDataType(int tickerId, int marketDataType) implements ServerMessage {
    public static final int ID = 58;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(tickerId).writeInt(marketDataType);
    }

    static MarketDataType read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new MarketDataType(r.readInt("tickerId"), r.readInt("marketDataType"));
    }
  }

  /**
   * contractData (id 10, no version at sv ≥ 164): {@code [10, reqId, symbol, secType,
   * lastTradeDate[ time], strike, right, exchange, currency, localSymbol, marketName, tradingClass,
   * conId, minTick, multiplier, orderTypes, validExchanges, priceMagnifier, underConId, longName,
   * primaryExchange, contractMonth, industry, category, subcategory, timeZoneId, tradingHours,
   * liquidHours, evRule, evMultiplier, secIdCount, (tag, value)×n, aggGroup, underSymbol,
   * underSecType, marketRuleIds, realExpirationDate, stockType, minSize, sizeIncrement,
   * suggestedSizeIncrement]} — 40 + 2n fields.
   */
  record ContractData(int reqId, ContractDetails details) implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 10;

    /** Checks details are set. */
    public ContractData {
      Check.notNull(details, "details");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      ContractDetails d = details;
      Contract c = d.contract();
      String lastTrade = d.lastTradeTime().isEmpty()
          ? c.lastTradeDateOrContractMonth()
          : c.lastTradeDateOrContractMonth() + " " + d.lastTradeTime();
      w.writeInt(ID).writeInt(reqId).writeString(c.symbol()).writeString(c.secType())
          .writeString(lastTrade).writeDouble(c.strike()).writeString(c.right())
          .writeString(c.exchange()).writeString(c.currency()).writeString(c.localSymbol())
          .writeString(d.marketName()).writeString(c.tradingClass()).writeInt(c.conId())
          .writeDouble(d.minTick()).writeString(c.multiplier()).writeString(d.orderTypes())
          .writeString(d.validExchanges()).writeInt(d.priceMagnifier()).writeInt(d.underConId())
          .writeEscapedString(d.longName()).writeString(c.primaryExch())
          .writeString(d.contractMonth()).writeString(d.industry()).writeString(d.category())
          .writeString(d.subcategory()).writeString(d.timeZoneId()).writeString(d.tradingHours())
          .writeString(d.liquidHours()).writeString(d.evRule()).writeDouble(d.evMultiplier());
      Blocks.writeTagValues(w, d.secIdList());
      w.writeInt(d.aggGroup()).writeString(d.underSymbol()).writeString(d.underSecType())
          .writeString(d.marketRuleIds()).writeString(d.realExpirationDate())
          .writeString(d.stockType()).writeDecimal(d.minSize()).writeDecimal(d.sizeIncrement())
          .writeDecimal(d.suggestedSizeIncrement());
    }

    static ContractData read(FieldReader r) throws TwsProtocolException {
      int reqId = r.readInt("reqId");
      String symbol = r.readString("symbol");
      String secType = r.readString("secType");
      String[] lastTrade = splitLastTrade(r.readString("lastTradeDateOrContractMonth"));
      double strike = r.readDouble("strike");
      String right = r.readString("right");
      String exchange = r.readString("exchange");
      String currency = r.readString("currency");
      String localSymbol = r.readString("localSymbol");
      String marketName = r.readString("marketName");
      String tradingClass = r.readString("tradingClass");
      int conId = r.readInt("conId");
      double minTick = r.readDouble("minTick");
      String multiplier = r.readString("multiplier");
      String orderTypes = r.readString("orderTypes");
      String validExchanges = r.readString("validExchanges");
      int priceMagnifier = r.readInt("priceMagnifier");
      int underConId = r.readInt("underConId");
      String longName = r.readEscapedString("longName");
      String primaryExch = r.readString("primaryExchange");
      Contract contract = new Contract(conId, symbol, secType, lastTrade[0], strike, right,
          multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, List.of());
      String contractMonth = r.readString("contractMonth");
      String industry = r.readString("industry");
      String category = r.readString("category");
      String subcategory = r.readString("subcategory");
      String timeZoneId = r.readString("timeZoneId");
      String tradingHours = r.readString("tradingHours");
      String liquidHours = r.readString("liquidHours");
      String evRule = r.readString("evRule");
      double evMultiplier = r.readDouble("evMultiplier");
      List<TagValue> secIds = Blocks.readTagValues(r, "secIdList");
      return new ContractData(reqId, new ContractDetails(contract, lastTrade[1], marketName,
          minTick, orderTypes, validExchanges, priceMagnifier, underConId, longName,
          contractMonth, industry, category, subcategory, timeZoneId, tradingHours, liquidHours,
          evRule, evMultiplier, secIds, r.readInt("aggGroup"), r.readString("underSymbol"),
          r.readString("underSecType"), r.readString("marketRuleIds"),
          r.readString("realExpirationDate"), r.readString("stockType"),
          r.readDecimal("minSize"), r.readDecimal("sizeIncrement"),
          r.readDecimal("suggestedSizeIncrement")));
    }

    /** Splits {@code date-time} on '-' if present, else on whitespace: [date, time]. */
    private static String[] splitLastTrade(String text) {
      String[] parts = text.contains("-") ? text.split("-", -1) : text.trim().split("\\s+");
      return new String[] {parts.length > 0 ? parts[0] : "", parts.length > 1 ? parts[1] : ""};
    }
  }

  /** {@code [52, 1, reqId]}: all contractData for {@code reqId} has been sent. */
  record ContractDataEnd(int reqId)
      implements ServerMessage, ServerMessage.Answer, Message.VersionAndReqId {
    public static final int ID = 52;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * {@code [75, reqId, exchange, underlyingConId, tradingClass, multiplier, nExp, exp×n, nStrikes,
   * strike×m]}, no version: one option chain (one per exchange and trading class).
   *
   * @param expirations {@code YYYYMMDD} texts
   * @param strikes strikes (contract identifiers, not money)
   */
  record SecDefOptParams(int reqId, String exchange, int underlyingConId, String tradingClass,
      String multiplier, List<String> expirations, List<Double> strikes)
      implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 75;

    /** Checks and copies. */
    public SecDefOptParams {
      Check.notNull(exchange, "exchange");
      Check.notNull(tradingClass, "tradingClass");
      Check.notNull(multiplier, "multiplier");
      expirations = List.copyOf(Check.notNull(expirations, "expirations"));
      strikes = List.copyOf(Check.notNull(strikes, "strikes"));
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId).writeString(exchange).writeInt(underlyingConId)
          .writeString(tradingClass).writeString(multiplier).writeInt(expirations.size());
      expirations.forEach(w::writeString);
      w.writeInt(strikes.size());
      strikes.forEach(w::writeDouble);
    }

    static SecDefOptParams read(FieldReader r) throws TwsProtocolException {
      int reqId = r.readInt("reqId");
      String exchange = r.readString("exchange");
      int underConId = r.readInt("underlyingConId");
      String tradingClass = r.readString("tradingClass");
      String multiplier = r.readString("multiplier");
      int nExp = r.readCount("expirationCount", 1);
      List<String> exps = new ArrayList<>(nExp);
      for (int i = 0; i < nExp; i++) {
        exps.add(r.readString("expiration"));
      }
      int nStrikes = r.readCount("strikeCount", 1);
      List<Double> strikes = new ArrayList<>(nStrikes);
      for (int i = 0; i < nStrikes; i++) {
        strikes.add(r.readDouble("strike"));
      }
      return new SecDefOptParams(reqId, exchange, underConId, tradingClass, multiplier, exps,
          strikes);
    }
  }

  /** {@code [76, reqId]}, no version: every chain for {@code reqId} has been sent. */
  record SecDefOptParamsEnd(int reqId) implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 76;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId);
    }

    static SecDefOptParamsEnd read(FieldReader r) throws TwsProtocolException {
      return new SecDefOptParamsEnd(r.readInt("reqId"));
    }
  }

  /**
   * {@code [61, 3, account, contract(11, no primaryExch), position, avgCost]}: one position.
   *
   * @param position signed quantity (negative = short)
   * @param avgCost average cost per unit as TWS reports it (for options commonly including the
   *     multiplier; not confirmed by IB's documentation)
   */
  record Position(String account, Contract contract, BigDecimal position, BigDecimal avgCost)
      implements ServerMessage {
    public static final int ID = 61;

    /** Checks every part is set. */
    public Position {
      Check.notNull(account, "account");
      Check.notNull(contract, "contract");
      Check.notNull(position, "position");
      Check.notNull(avgCost, "avgCost");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(3).writeString(account);
      Blocks.writeShortContract(w, contract);
      w.writeDecimal(position).writeDecimal(avgCost);
    }

    static Position read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new Position(r.readString("account"), Blocks.readShortContract(r),
          r.readDecimal("position").orElse(BigDecimal.ZERO),
          r.readDecimal("avgCost").orElse(BigDecimal.ZERO));
    }
  }

  /** {@code [62, 1]}: the initial position dump is complete. */
  record PositionEnd() implements ServerMessage, Message.VersionOnly {
    public static final int ID = 62;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * {@code [63, 1, reqId, account, tag, value, currency]}: one account value, e.g. tag
   * {@code NetLiquidation}, value {@code 1234567.89}, currency {@code USD}. Values stay text
   * because some tags are not numbers.
   */
  record AccountSummary(int reqId, String account, String tag, String value, String currency)
      implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 63;

    /** Checks every string is set. */
    public AccountSummary {
      Check.notNull(account, "account");
      Check.notNull(tag, "tag");
      Check.notNull(value, "value");
      Check.notNull(currency, "currency");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(reqId).writeString(account).writeString(tag)
          .writeString(value).writeString(currency);
    }

    static AccountSummary read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new AccountSummary(r.readInt("reqId"), r.readString("account"), r.readString("tag"),
          r.readString("value"), r.readString("currency"));
    }
  }

  /** {@code [64, 1, reqId]}: the first full account summary is complete. */
  record AccountSummaryEnd(int reqId)
      implements ServerMessage, ServerMessage.Answer, Message.VersionAndReqId {
    public static final int ID = 64;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * orderStatus (id 3, no version): {@code [3, orderId, status, filled, remaining, avgFillPrice,
   * permId, parentId, lastFillPrice, clientId, whyHeld, mktCapPrice]}. Duplicates are normal.
   *
   * @param status e.g. {@code Submitted}, {@code Filled}, {@code Cancelled}
   */
  record OrderStatus(int orderId, String status, BigDecimal filled, BigDecimal remaining,
      BigDecimal avgFillPrice, long permId, int parentId, BigDecimal lastFillPrice, int clientId,
      String whyHeld, double mktCapPrice) implements ServerMessage {
    public static final int ID = 3;

    /** Checks every part is set. */
    public OrderStatus {
      Check.notNull(status, "status");
      Check.notNull(filled, "filled");
      Check.notNull(remaining, "remaining");
      Check.notNull(avgFillPrice, "avgFillPrice");
      Check.notNull(lastFillPrice, "lastFillPrice");
      Check.notNull(whyHeld, "whyHeld");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(orderId).writeString(status).writeDecimal(filled)
          .writeDecimal(remaining).writeDecimal(avgFillPrice).writeLong(permId).writeInt(parentId)
          .writeDecimal(lastFillPrice).writeInt(clientId).writeString(whyHeld)
          .writeDouble(mktCapPrice);
    }

    static OrderStatus read(FieldReader r) throws TwsProtocolException {
      return new OrderStatus(r.readInt("orderId"), r.readString("status"),
          r.readDecimal("filled").orElse(BigDecimal.ZERO),
          r.readDecimal("remaining").orElse(BigDecimal.ZERO),
          r.readDecimal("avgFillPrice").orElse(BigDecimal.ZERO), r.readLong("permId"),
          r.readInt("parentId"), r.readDecimal("lastFillPrice").orElse(BigDecimal.ZERO),
          r.readInt("clientId"), r.readString("whyHeld"), r.readDouble("mktCapPrice"));
    }
  }

  /**
   * The order state part of openOrder: status, what-if margin figures (text as TWS sends them),
   * commissions and the warning text.
   */
  record OrderState(String status, String initMarginBefore, String maintMarginBefore,
      String equityWithLoanBefore, String initMarginChange, String maintMarginChange,
      String equityWithLoanChange, String initMarginAfter, String maintMarginAfter,
      String equityWithLoanAfter, Optional<BigDecimal> commission,
      Optional<BigDecimal> minCommission, Optional<BigDecimal> maxCommission,
      String commissionCurrency, String warningText) {

    /** Checks every part is set. */
    public OrderState {
      for (Object o : Arrays.asList(status, initMarginBefore, maintMarginBefore,
          equityWithLoanBefore, initMarginChange, maintMarginChange, equityWithLoanChange,
          initMarginAfter, maintMarginAfter, equityWithLoanAfter, commission, minCommission,
          maxCommission, commissionCurrency, warningText)) {
        Check.notNull(o, "orderState field");
      }
    }

    /** A state with only a status. */
    public static OrderState of(String status) {
      return new OrderState(status, "", "", "", "", "", "", "", "", "", Optional.empty(),
          Optional.empty(), Optional.empty(), "", "");
    }
  }

  /**
   * openOrder (id 5, no version; brief §3.6): an order's definition and state. This record holds
   * the fixed prefix fields a bot needs, the combo legs and routing parameters, and the order
   * state up to warningText.
   *
   * <p>Reading deliberately stops after randomizePrice: order conditions and everything after
   * them are discarded unread, which the framing makes safe (brief §3.6). Writing produces the
   * complete sv-178 list, with IB's defaults for fields not held here.
   *
   * @param contract the contract (11-field block, no primaryExch) with its combo legs
   * @param permId TWS's permanent id, stable across sessions and clients
   */
  record OpenOrder(int orderId, Contract contract, String action, BigDecimal totalQuantity,
      String orderType, Optional<BigDecimal> lmtPrice, Optional<BigDecimal> auxPrice, String tif,
      String ocaGroup, String account, String openClose, int origin, String orderRef,
      int clientId, long permId, boolean outsideRth, String goodAfterTime, String goodTillDate,
      int parentId, String comboLegsDescrip, List<TagValue> smartComboRoutingParams,
      boolean whatIf, OrderState state) implements ServerMessage {
    public static final int ID = 5;

    /** Checks every part is set and copies the list. */
    public OpenOrder {
      for (Object o : Arrays.asList(contract, action, totalQuantity, orderType, lmtPrice, auxPrice,
          tif, ocaGroup, account, openClose, orderRef, goodAfterTime, goodTillDate,
          comboLegsDescrip, state)) {
        Check.notNull(o, "openOrder field");
      }
      smartComboRoutingParams =
          List.copyOf(Check.notNull(smartComboRoutingParams, "smartComboRoutingParams"));
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(orderId);                         // 0-1
      Blocks.writeShortContract(w, contract);                   // 2-12
      w.writeString(action).writeDecimal(totalQuantity)         // 13-14
          .writeString(orderType)                               // 15
          .writeDecimal(lmtPrice).writeDecimal(auxPrice)        // 16-17
          .writeString(tif).writeString(ocaGroup)               // 18-19
          .writeString(account).writeString(openClose)          // 20-21
          .writeInt(origin).writeString(orderRef)               // 22-23
          .writeInt(clientId).writeLong(permId)                 // 24-25
          .writeBoolean(outsideRth).writeBoolean(false)         // 26 outsideRth, 27 hidden
          .writeInt(0)                                          // 28 discretionaryAmt
          .writeString(goodAfterTime)                           // 29
          .writeEmpty()                                         // 30 sharesAllocation
          .writeEmpty().writeEmpty().writeEmpty()               // 31-33 faGroup/Method/Percentage
          .writeEmpty()                                         // 34 modelCode
          .writeString(goodTillDate)                            // 35
          .writeEmpty().writeEmpty().writeEmpty()               // 36-38 rule80A, percentOffset, settlingFirm
          .writeInt(0).writeEmpty().writeInt(-1)                // 39-41 shortSaleSlot, designatedLocation, exemptCode
          .writeInt(0)                                          // 42 auctionStrategy
          .writeEmpty().writeEmpty().writeEmpty()               // 43-45 startingPrice, stockRefPrice, delta
          .writeEmpty().writeEmpty()                            // 46-47 stockRangeLower/Upper
          .writeInt(0)                                          // 48 displaySize
          .writeBoolean(false).writeBoolean(false)              // 49-50 blockOrder, sweepToFill
          .writeBoolean(false).writeEmpty()                     // 51 allOrNone, 52 minQty
          .writeInt(0)                                          // 53 ocaType
          .writeBoolean(false).writeBoolean(false).writeEmpty() // 54-56 eTradeOnly, firmQuoteOnly, nbboPriceCap
          .writeInt(parentId).writeInt(0)                       // 57 parentId, 58 triggerMethod
          .writeEmpty().writeInt(0)                             // 59 volatility, 60 volatilityType
          .writeEmpty().writeEmpty()                            // 61-62 deltaNeutralOrderType/AuxPrice
          .writeBoolean(false).writeInt(0)                      // continuousUpdate, referencePriceType
          .writeEmpty().writeEmpty()                            // trailStopPrice, trailingPercent
          .writeEmpty().writeEmpty()                            // basisPoints, basisPointsType
          .writeString(comboLegsDescrip);
      Blocks.writeComboLegs(w, contract.comboLegs());
      w.writeInt(0);                                            // orderComboLegCount
      Blocks.writeTagValues(w, smartComboRoutingParams);
      w.writeEmpty().writeEmpty().writeEmpty()                  // scaleInit/Subs size, price increment
          .writeEmpty()                                         // hedgeType
          .writeBoolean(false).writeEmpty().writeEmpty()        // optOutSmartRouting, clearingAccount/Intent
          .writeBoolean(false)                                  // notHeld
          .writeBoolean(false)                                  // deltaNeutralContract
          .writeEmpty()                                         // algoStrategy
          .writeBoolean(false).writeBoolean(whatIf)             // solicited, whatIf
          .writeString(state.status())
          .writeString(state.initMarginBefore()).writeString(state.maintMarginBefore())
          .writeString(state.equityWithLoanBefore()).writeString(state.initMarginChange())
          .writeString(state.maintMarginChange()).writeString(state.equityWithLoanChange())
          .writeString(state.initMarginAfter()).writeString(state.maintMarginAfter())
          .writeString(state.equityWithLoanAfter())
          .writeDecimal(state.commission()).writeDecimal(state.minCommission())
          .writeDecimal(state.maxCommission()).writeString(state.commissionCurrency())
          .writeEscapedString(state.warningText())
          .writeBoolean(false).writeBoolean(false)              // randomizeSize, randomizePrice
          .writeInt(0)                                          // conditionCount
          .writeEmpty().writeEmpty().writeEmpty().writeEmpty()  // adjustedOrderType, triggerPrice, trailStopPrice, lmtPriceOffset
          .writeEmpty().writeEmpty().writeEmpty()               // adjustedStopPrice, adjustedStopLimitPrice, adjustedTrailingAmount
          .writeInt(0)                                          // adjustableTrailingUnit
          .writeEmpty().writeEmpty().writeEmpty()               // softDollarTier name, value, displayName
          .writeEmpty()                                         // cashQty
          .writeBoolean(false).writeBoolean(false)              // dontUseAutoPriceForHedge, isOmsContainer
          .writeBoolean(false).writeBoolean(false)              // discretionaryUpToLimitPrice, usePriceMgmtAlgo
          .writeEmpty().writeEmpty()                            // duration, postToAts
          .writeBoolean(false)                                  // autoCancelParent
          .writeEmpty().writeEmpty().writeEmpty()               // minTradeQty, minCompeteSize, competeAgainstBestOffset
          .writeEmpty().writeEmpty();                           // midOffsetAtWhole, midOffsetAtHalf
    }

    static OpenOrder read(FieldReader r) throws TwsProtocolException {
      int orderId = r.readInt("orderId");
      Contract head = Blocks.readShortContract(r);
      String action = r.readString("action");
      BigDecimal qty = r.readDecimal("totalQuantity").orElse(BigDecimal.ZERO);
      String orderType = r.readString("orderType");
      Optional<BigDecimal> lmt = r.readDecimal("lmtPrice");
      Optional<BigDecimal> aux = r.readDecimal("auxPrice");
      String tif = r.readString("tif");
      String ocaGroup = r.readString("ocaGroup");
      String account = r.readString("account");
      String openClose = r.readString("openClose");
      int origin = r.readInt("origin");
      String orderRef = r.readString("orderRef");
      int clientId = r.readInt("clientId");
      long permId = r.readLong("permId");
      boolean outsideRth = r.readBoolean("outsideRth");
      r.readBoolean("hidden");
      r.readDoubleMax("discretionaryAmt");
      String goodAfterTime = r.readString("goodAfterTime");
      r.skip(5, "sharesAllocation..modelCode");               // 30-34
      String goodTillDate = r.readString("goodTillDate");     // 35
      r.skip(21, "rule80A..triggerMethod");                   // 36-56
      int parentId = r.readInt("parentId");                  // 57
      r.readInt("triggerMethod");
      r.readDoubleMax("volatility");
      r.readInt("volatilityType");
      String dnType = r.readString("deltaNeutralOrderType");
      r.readDoubleMax("deltaNeutralAuxPrice");
      if (!dnType.isEmpty()) {
        r.skip(8, "deltaNeutral order fields");
      }
      r.readBoolean("continuousUpdate");
      r.readInt("referencePriceType");
      r.skip(4, "trailStopPrice..basisPointsType");
      String comboLegsDescrip = r.readString("comboLegsDescrip");
      List<ComboLeg> legs = Blocks.readComboLegs(r);
      int prices = r.readCount("orderComboLegCount", 1);
      r.skip(prices, "orderComboLeg.price");
      List<TagValue> routing = Blocks.readTagValues(r, "smartComboRoutingParams");
      r.skip(2, "scaleInitLevelSize/scaleSubsLevelSize");
      OptionalDouble increment = r.readDoubleMax("scalePriceIncrement");
      if (increment.isPresent() && increment.getAsDouble() > 0) {
        r.skip(7, "scale order fields");
      }
      if (!r.readString("hedgeType").isEmpty()) {
        r.skip(1, "hedgeParam");
      }
      r.skip(4, "optOutSmartRouting..notHeld");
      if (r.readBoolean("deltaNeutralContract")) {
        r.skip(3, "deltaNeutralContract fields");
      }
      if (!r.readString("algoStrategy").isEmpty()) {
        int n = r.readCount("algoParamCount", 2);
        r.skip(2 * n, "algoParam");
      }
      r.readBoolean("solicited");
      boolean whatIf = r.readBoolean("whatIf");
      OrderState state = new OrderState(r.readString("status"),
          r.readString("initMarginBefore"), r.readString("maintMarginBefore"),
          r.readString("equityWithLoanBefore"), r.readString("initMarginChange"),
          r.readString("maintMarginChange"), r.readString("equityWithLoanChange"),
          r.readString("initMarginAfter"), r.readString("maintMarginAfter"),
          r.readString("equityWithLoanAfter"), r.readDecimal("commission"),
          r.readDecimal("minCommission"), r.readDecimal("maxCommission"),
          r.readString("commissionCurrency"), r.readEscapedString("warningText"));
      r.readBoolean("randomizeSize");
      r.readBoolean("randomizePrice");
      // Order conditions and the fields after them are not read (see class doc).
      return new OpenOrder(orderId, Blocks.withLegs(head, legs), action, qty, orderType, lmt,
          aux, tif, ocaGroup, account, openClose, origin, orderRef, clientId, permId, outsideRth,
          goodAfterTime, goodTillDate, parentId, comboLegsDescrip, routing, whatIf, state);
    }
  }

  /** {@code [53, 1]}: the open-order replay is complete. */
  record OpenOrderEnd() implements ServerMessage, Message.VersionOnly {
    public static final int ID = 53;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * execDetails (id 11, no version): {@code [11, reqId, orderId, contract(11), execId, time,
   * acctNumber, exchange, side, shares, price, permId, clientId, liquidation, cumQty, avgPrice,
   * orderRef, evRule, evMultiplier, modelCode, lastLiquidity, pendingPriceRevision]} — 32 fields.
   * Live fills arrive with reqId -1 or the id of a running reqExecutions.
   *
   * @param orderId the order id, {@code 2147483647} for manual TWS orders
   * @param side {@code BOT} or {@code SLD}
   * @param price the fill price, exact
   */
  record ExecDetails(int reqId, int orderId, Contract contract, String execId, String time,
      String acctNumber, String exchange, String side, BigDecimal shares, BigDecimal price,
      long permId, int clientId, int liquidation, BigDecimal cumQty, BigDecimal avgPrice,
      String orderRef, String evRule, double evMultiplier, String modelCode, int lastLiquidity,
      boolean pendingPriceRevision) implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 11;

    /** Checks every part is set. */
    public ExecDetails {
      for (Object o : Arrays.asList(contract, execId, time, acctNumber, exchange, side, shares,
          price, cumQty, avgPrice, orderRef, evRule, modelCode)) {
        Check.notNull(o, "execDetails field");
      }
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId).writeInt(orderId);
      Blocks.writeShortContract(w, contract);
      w.writeString(execId).writeString(time).writeString(acctNumber).writeString(exchange)
          .writeString(side).writeDecimal(shares).writeDecimal(price).writeLong(permId)
          .writeInt(clientId).writeInt(liquidation).writeDecimal(cumQty).writeDecimal(avgPrice)
          .writeString(orderRef).writeString(evRule).writeDouble(evMultiplier)
          .writeString(modelCode).writeInt(lastLiquidity).writeBoolean(pendingPriceRevision);
    }

    static ExecDetails read(FieldReader r) throws TwsProtocolException {
      return new ExecDetails(r.readInt("reqId"), r.readInt("orderId"),
          Blocks.readShortContract(r), r.readString("execId"), r.readString("time"),
          r.readString("acctNumber"), r.readString("exchange"), r.readString("side"),
          r.readDecimal("shares").orElse(BigDecimal.ZERO),
          r.readDecimal("price").orElse(BigDecimal.ZERO), r.readLong("permId"),
          r.readInt("clientId"), r.readInt("liquidation"),
          r.readDecimal("cumQty").orElse(BigDecimal.ZERO),
          r.readDecimal("avgPrice").orElse(BigDecimal.ZERO), r.readString("orderRef"),
          r.readString("evRule"), r.readDouble("evMultiplier"), r.readString("modelCode"),
          r.readInt("lastLiquidity"), r.readBoolean("pendingPriceRevision"));
    }
  }

  /** {@code [55, 1, reqId]}: all executions for {@code reqId} have been sent. */
  record ExecDetailsEnd(int reqId)
      implements ServerMessage, ServerMessage.Answer, Message.VersionAndReqId {
    public static final int ID = 55;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * {@code [59, 1, execId, commission, currency, realizedPNL, yield, yieldRedemptionDate]}: the
   * commission of one execution, e.g. {@code 1.32 USD}. Unset values arrive as
   * {@code 1.7976931348623157E308} and are empty here.
   *
   * @param yieldRedemptionDate {@code yyyymmdd} as an int, 0 if none
   */
  record CommissionReport(String execId, Optional<BigDecimal> commission, String currency,
      Optional<BigDecimal> realizedPnl, OptionalDouble yield, int yieldRedemptionDate)
      implements ServerMessage {
    public static final int ID = 59;

    /** Checks every part is set. */
    public CommissionReport {
      Check.notNull(execId, "execId");
      Check.notNull(commission, "commission");
      Check.notNull(currency, "currency");
      Check.notNull(realizedPnl, "realizedPnl");
      Check.notNull(yield, "yield");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeString(execId)
          .writeString(commission.map(FieldWriter::plain).orElse("1.7976931348623157E308"))
          .writeString(currency)
          .writeString(realizedPnl.map(FieldWriter::plain).orElse("1.7976931348623157E308"))
          .writeDouble(yield.orElse(Double.MAX_VALUE)).writeInt(yieldRedemptionDate);
    }

    static CommissionReport read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new CommissionReport(r.readString("execId"), r.readDecimal("commission"),
          r.readString("currency"), r.readDecimal("realizedPNL"), r.readDoubleMax("yield"),
          r.readInt("yieldRedemptionDate"));
    }
  }

  /** {@code [49, 1, epochSeconds]}: TWS's clock, answer to reqCurrentTime. */
  record CurrentTime(long epochSeconds) implements ServerMessage {
    public static final int ID = 49;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeLong(epochSeconds);
    }

    static CurrentTime read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new CurrentTime(r.readLong("epochSeconds"));
    }
  }

  /** {@code [9, 1, orderId]}: the next order id to use; the usual "connected" signal. */
  record NextValidId(int orderId) implements ServerMessage {
    public static final int ID = 9;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(orderId);
    }

    static NextValidId read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new NextValidId(r.readInt("orderId"));
    }
  }

  /**
   * {@code [15, 1, accountsList]}: the accounts this login manages; the comma list may end with a
   * comma and empty entries are dropped.
   */
  record ManagedAccounts(List<String> accounts) implements ServerMessage {
    public static final int ID = 15;

    /** Copies the list. */
    public ManagedAccounts {
      accounts = List.copyOf(Check.notNull(accounts, "accounts"));
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeString(String.join(",", accounts));
    }

    static ManagedAccounts read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      List<String> accounts = new ArrayList<>();
      for (String a : r.readString("accountsList").split(",")) {
        if (!a.isBlank()) {
          accounts.add(a.trim());
        }
      }
      return new ManagedAccounts(accounts);
    }
  }

  /**
   * One bar of {@link HistoricalData}: {@code date, open, high, low, close, volume, WAP, barCount}.
   *
   * @param date {@code yyyyMMdd} for daily bars; intraday bars as the request's formatDate asked
   * @param volume a decimal; indices often report 0 or -1; empty if unset
   * @param wap the volume-weighted average price (a decimal on the wire); empty if unset
   * @param count trades in the bar (-1 when TWS has no count)
   */
  record HistoricalBar(String date, double open, double high, double low, double close,
      Optional<BigDecimal> volume, Optional<BigDecimal> wap, int count) {

    /** Checks every part is set. */
    public HistoricalBar {
      Check.notBlank(date, "date");
      Check.notNull(volume, "volume");
      Check.notNull(wap, "wap");
    }

    /** A bar whose open, high, low and close are all {@code level}, without volume (index-style). */
    public static HistoricalBar flat(String date, double level) {
      return new HistoricalBar(date, level, level, level, level, Optional.of(BigDecimal.ZERO),
          Optional.of(BigDecimal.ZERO), 0);
    }
  }

  /**
   * historicalData (id 17), no version at server version 178 (sent only below 124):
   * {@code [17, reqId, startDate, endDate, barCount, bars×8]}, each bar {@code date, open, high,
   * low, close, volume, WAP, barCount}. The whole answer to a reqHistoricalData in one message; at
   * 178 there is no separate historicalDataEnd (id 108 exists only from server version 196, when
   * startDate and endDate move there).
   *
   * @param startDate the start of the period served, as TWS writes it (informational)
   * @param endDate the end of the period served (informational)
   */
  record HistoricalData(int reqId, String startDate, String endDate, List<HistoricalBar> bars)
      implements ServerMessage, ServerMessage.Answer {
    public static final int ID = 17;
    /** Fields per bar. */
    static final int BAR_FIELDS = 8;

    /** Checks and copies. */
    public HistoricalData {
      Check.notNull(startDate, "startDate");
      Check.notNull(endDate, "endDate");
      bars = List.copyOf(Check.notNull(bars, "bars"));
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId).writeString(startDate).writeString(endDate).writeInt(bars.size());
      for (HistoricalBar b : bars) {
        w.writeString(b.date()).writeDouble(b.open()).writeDouble(b.high()).writeDouble(b.low())
            .writeDouble(b.close()).writeDecimal(b.volume()).writeDecimal(b.wap()).writeInt(b.count());
      }
    }

    static HistoricalData read(FieldReader r) throws TwsProtocolException {
      int reqId = r.readInt("reqId");
      String start = r.readString("startDate");
      String end = r.readString("endDate");
      int n = r.readCount("barCount", BAR_FIELDS);
      List<HistoricalBar> bars = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int at = r.position();
        String date = r.readString("bar.date");
        if (date.isEmpty()) {
          throw r.invalid(at, "bar.date", "a bar must have a date", date);
        }
        bars.add(new HistoricalBar(date, r.readDouble("bar.open"), r.readDouble("bar.high"),
            r.readDouble("bar.low"), r.readDouble("bar.close"), r.readDecimal("bar.volume"),
            r.readDecimal("bar.wap"), r.readInt("bar.count")));
      }
      return new HistoricalData(reqId, start, end, bars);
    }
  }

  /**
   * errMsg (id 4): {@code [4, 2, id, errorCode, errorString, advancedOrderRejectJson]}. The id
   * ({@link #requestId}) is the request, ticker or order id, or -1 when the message concerns no request. Texts have
   * their {@code \\uXXXX} escapes undone.
   */
  record ErrorMessage(int requestId, int code, String message, String advancedOrderRejectJson)
      implements ServerMessage {
    public static final int ID = 4;

    /** Checks both texts are set. */
    public ErrorMessage {
      Check.notNull(message, "message");
      Check.notNull(advancedOrderRejectJson, "advancedOrderRejectJson");
    }

    /** What this code means for the bot. */
    public ErrorClass errorClass() {
      return ErrorClass.of(code);
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(2).writeInt(requestId).writeInt(code).writeEscapedString(message)
          .writeEscapedString(advancedOrderRejectJson);
    }

    static ErrorMessage read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new ErrorMessage(r.readInt("id"), r.readInt("errorCode"),
          r.readEscapedString("errorString"), r.readEscapedString("advancedOrderRejectJson"));
    }
  }

  /**
   * A message id this codec does not decode (account updates, completed orders, …). It is logged
   * and skipped on purpose: framing keeps the stream in sync.
   *
   * @param messageId the id from field 0
   * @param fields every field of the frame, id included
   */
  record Unknown(int messageId, List<String> fields) implements ServerMessage {

    /** Copies the fields. */
    public Unknown {
      fields = List.copyOf(fields);
    }

    @Override
    public int id() {
      return messageId;
    }

    @Override
    public void writeTo(FieldWriter w) {
      for (String f : fields) {
        w.writeString(f);
      }
    }
  }
}
