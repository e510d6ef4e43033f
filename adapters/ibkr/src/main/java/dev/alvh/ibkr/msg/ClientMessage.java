package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;
import dev.alvh.ibkr.wire.FieldReader;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A request the client sends to TWS (brief §3.1–§3.3), at server version 178.
 *
 * <p>Each record writes its complete field list with {@link #writeTo(FieldWriter)}; the matching
 * {@code read} method next to it (used by {@link ClientCodec#decode}, i.e. by a fake TWS) reads
 * the same list back; a request that is its id and version alone ({@code [id, 1]}), or those and
 * a request id, is written by {@link Message.VersionOnly} or {@link Message.VersionAndReqId} and
 * read by their one reader. The per-message version numbers are the ones IB's client sends; on
 * reading, version fields are skipped.
 */
public sealed interface ClientMessage extends Message {

  /** {@code [71, 2, clientId, optionalCapabilities]}: starts the API session after the hello. */
  record StartApi(int clientId, String optionalCapabilities) implements ClientMessage {
    public static final int ID = 71;

    /** Checks capabilities are set (usually empty). */
    public StartApi {
      Check.notNull(optionalCapabilities, "optionalCapabilities");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(2).writeInt(clientId).writeString(optionalCapabilities);
    }

    static StartApi read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new StartApi(r.readInt("clientId"), r.readString("optionalCapabilities"));
    }
  }

  /** {@code [49, 1]}: asks for TWS's clock; answered by {@link ServerMessage.CurrentTime}. */
  record ReqCurrentTime() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 49;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [59, 1, marketDataType]}: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  record ReqMarketDataType(int marketDataType) implements ClientMessage {
    public static final int ID = 59;

    /** Checks the type is 1..4. */
    public ReqMarketDataType {
      Check.inRange(marketDataType, 1, 4, "marketDataType");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(marketDataType);
    }

    static ReqMarketDataType read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new ReqMarketDataType(r.readInt("marketDataType"));
    }
  }

  /**
   * {@code [1, 11, tickerId, contract(12), (BAG: legCount, legs×4), deltaNeutral=0,
   * genericTickList, snapshot, regulatorySnapshot, mktDataOptions=""]}: subscribes to market data.
   * For a BAG each leg is sent as conId, ratio, action, exchange.
   *
   * @param genericTickList comma list such as {@code 100,101,106}, or empty
   * @param regulatorySnapshot costs USD 0.01 per request
   */
  record ReqMktData(int tickerId, Contract contract, String genericTickList, boolean snapshot,
      boolean regulatorySnapshot) implements ClientMessage {
    public static final int ID = 1;

    /** Checks contract and tick list are set. */
    public ReqMktData {
      Check.notNull(contract, "contract");
      Check.notNull(genericTickList, "genericTickList");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(11).writeInt(tickerId);
      Blocks.writeContract(w, contract);
      if (contract.isBag()) {
        w.writeInt(contract.comboLegs().size());
        for (ComboLeg leg : contract.comboLegs()) {
          w.writeInt(leg.conId()).writeInt(leg.ratio()).writeString(leg.action())
              .writeString(leg.exchange());
        }
      }
      w.writeBoolean(false) // no delta-neutral contract
          .writeString(genericTickList)
          .writeBoolean(snapshot)
          .writeBoolean(regulatorySnapshot)
          .writeString(""); // mktDataOptions
    }

    static ReqMktData read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      int tickerId = r.readInt("tickerId");
      Contract head = Blocks.readContract(r, List.of());
      Contract contract = head;
      if (head.isBag()) {
        int n = r.readCount("legCount", 4);
        ComboLeg[] legs = new ComboLeg[n];
        for (int i = 0; i < n; i++) {
          legs[i] = new ComboLeg(r.readInt("leg.conId"), r.readInt("leg.ratio"),
              r.readString("leg.action"), r.readString("leg.exchange"), 0, 0, "", -1);
        }
        contract = Blocks.withLegs(head, List.of(legs));
      }
      int at = r.position();
      if (r.readBoolean("deltaNeutralContract")) {
        throw Blocks.unsupported(r, at, "deltaNeutralContract", "1");
      }
      String ticks = r.readString("genericTickList");
      boolean snapshot = r.readBoolean("snapshot");
      boolean regulatory = r.readBoolean("regulatorySnapshot");
      r.readString("mktDataOptions");
      return new ReqMktData(tickerId, contract, ticks, snapshot, regulatory);
    }
  }

  /** {@code [2, 1, tickerId]}: ends a market-data subscription. */
  record CancelMktData(int tickerId) implements ClientMessage {
    public static final int ID = 2;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(tickerId);
    }

    static CancelMktData read(FieldReader r) throws TwsProtocolException {
      r.readInt("version"); // IB sends 1, ib_async 2: both accepted
      return new CancelMktData(r.readInt("tickerId"));
    }
  }

  /**
   * {@code [9, 8, reqId, contract(12), includeExpired, secIdType, secId, issuerId]} (19 fields):
   * asks for contract details; answered by {@link ServerMessage.ContractData}s and a
   * {@link ServerMessage.ContractDataEnd}.
   */
  record ReqContractDetails(int reqId, Contract contract, boolean includeExpired,
      String secIdType, String secId, String issuerId) implements ClientMessage {
    public static final int ID = 9;

    /** Checks every part is set. */
    public ReqContractDetails {
      Check.notNull(contract, "contract");
      Check.isTrue(!contract.isBag(), "contract", "must not be a BAG for contract details");
      Check.notNull(secIdType, "secIdType");
      Check.notNull(secId, "secId");
      Check.notNull(issuerId, "issuerId");
    }

    /** A lookup of {@code contract} without expired contracts or security ids. */
    public static ReqContractDetails of(int reqId, Contract contract) {
      return new ReqContractDetails(reqId, contract, false, "", "", "");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(8).writeInt(reqId);
      Blocks.writeContract(w, contract);
      w.writeBoolean(includeExpired).writeString(secIdType).writeString(secId)
          .writeString(issuerId);
    }

    static ReqContractDetails read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      int reqId = r.readInt("reqId");
      int at = r.position();
      Contract contract = Blocks.readContract(r, List.of());
      if (contract.isBag()) {
        throw r.invalid(at + 2, "secType", "must not be BAG in reqContractDetails", "BAG");
      }
      return new ReqContractDetails(reqId, contract, r.readBoolean("includeExpired"),
          r.readString("secIdType"), r.readString("secId"), r.readString("issuerId"));
    }
  }

  /**
   * {@code [78, reqId, underlyingSymbol, futFopExchange, underlyingSecType, underlyingConId]}, no
   * version: asks for an option chain's expiries and strikes (not throttled).
   *
   * @param futFopExchange empty for all exchanges
   */
  record ReqSecDefOptParams(int reqId, String underlyingSymbol, String futFopExchange,
      String underlyingSecType, int underlyingConId) implements ClientMessage {
    public static final int ID = 78;

    /** Checks every string is set. */
    public ReqSecDefOptParams {
      Check.notNull(underlyingSymbol, "underlyingSymbol");
      Check.notNull(futFopExchange, "futFopExchange");
      Check.notNull(underlyingSecType, "underlyingSecType");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId).writeString(underlyingSymbol).writeString(futFopExchange)
          .writeString(underlyingSecType).writeInt(underlyingConId);
    }

    static ReqSecDefOptParams read(FieldReader r) throws TwsProtocolException {
      return new ReqSecDefOptParams(r.readInt("reqId"), r.readString("underlyingSymbol"),
          r.readString("futFopExchange"), r.readString("underlyingSecType"),
          r.readInt("underlyingConId"));
    }
  }

  /** {@code [61, 1]}: subscribes to positions of all accounts. */
  record ReqPositions() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 61;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [64, 1]}: ends the positions subscription. */
  record CancelPositions() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 64;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * {@code [62, 1, reqId, group, tags]}: subscribes to account values.
   *
   * @param group usually {@code All}
   * @param tags comma list, e.g. {@code NetLiquidation,AvailableFunds}
   */
  record ReqAccountSummary(int reqId, String group, String tags) implements ClientMessage {
    public static final int ID = 62;

    /** Checks group and tags are set. */
    public ReqAccountSummary {
      Check.notNull(group, "group");
      Check.notNull(tags, "tags");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(reqId).writeString(group).writeString(tags);
    }

    static ReqAccountSummary read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new ReqAccountSummary(r.readInt("reqId"), r.readString("group"),
          r.readString("tags"));
    }
  }

  /** {@code [63, 1, reqId]}: ends an account-summary subscription. */
  record CancelAccountSummary(int reqId) implements ClientMessage, Message.VersionAndReqId {
    public static final int ID = 63;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [5, 1]}: this client's open orders (client 0 also binds manual TWS orders). */
  record ReqOpenOrders() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 5;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [16, 1]}: every open order of every client, without binding, once. */
  record ReqAllOpenOrders() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 16;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [8, 1, numIds]}: asks for the next valid order id (numIds is ignored by TWS). */
  record ReqIds(int numIds) implements ClientMessage {
    public static final int ID = 8;

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(numIds);
    }

    static ReqIds read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new ReqIds(r.readInt("numIds"));
    }
  }

  /** {@code [17, 1]}: asks for the managed accounts list. */
  record ReqManagedAccts() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 17;

    @Override
    public int id() {
      return ID;
    }
  }

  /** {@code [4, 1, orderId, manualOrderCancelTime]}: cancels one order (time usually empty). */
  record CancelOrder(int orderId, String manualOrderCancelTime) implements ClientMessage {
    public static final int ID = 4;

    /** Checks the time is set (possibly empty). */
    public CancelOrder {
      Check.notNull(manualOrderCancelTime, "manualOrderCancelTime");
    }

    /** A cancel without a manual cancel time. */
    public static CancelOrder of(int orderId) {
      return new CancelOrder(orderId, "");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(1).writeInt(orderId).writeString(manualOrderCancelTime);
    }

    static CancelOrder read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new CancelOrder(r.readInt("orderId"), r.readString("manualOrderCancelTime"));
    }
  }

  /** {@code [58, 1]}: cancels every open order of the account, whatever placed it. */
  record ReqGlobalCancel() implements ClientMessage, Message.VersionOnly {
    public static final int ID = 58;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * reqHistoricalData (id 20), no version at server version 178 (IB's clients send the version
   * only below 124): {@code [20, reqId, contract(12), includeExpired, endDateTime, barSizeSetting,
   * durationStr, useRTH, whatToShow, formatDate, keepUpToDate, chartOptions=""]}, 23 fields (a BAG
   * would add its legs after formatDate; this codec never sends one). Answered by one
   * {@link ServerMessage.HistoricalData} holding every bar (a separate historicalDataEnd exists
   * only from server version 196), or by an errMsg (162 HMDS error, including pacing
   * violations; 200 no such contract; 354 not subscribed).
   *
   * @param endDateTime {@code yyyyMMdd HH:mm:ss tz}, or empty for "now"
   * @param barSizeSetting e.g. {@code 1 day}
   * @param durationStr e.g. {@code 2 Y}, {@code 300 D}
   * @param useRth 1 regular trading hours only, 0 all hours
   * @param whatToShow e.g. {@code TRADES} (indices: SPX, VIX, VIX3M), {@code MIDPOINT}
   * @param formatDate 1 text dates (daily bars are always {@code yyyyMMdd}), 2 epoch seconds
   * @param keepUpToDate true subscribes to updates of the last bar (this bot never does)
   */
  record ReqHistoricalData(int reqId, Contract contract, boolean includeExpired, String endDateTime,
      String barSizeSetting, String durationStr, int useRth, String whatToShow, int formatDate,
      boolean keepUpToDate) implements ClientMessage {
    public static final int ID = 20;

    /** Checks every part. */
    public ReqHistoricalData {
      Check.notNull(contract, "contract");
      Check.isTrue(!contract.isBag(), "contract", "must not be a BAG: combo history is not supported");
      Check.notNull(endDateTime, "endDateTime");
      Check.notBlank(barSizeSetting, "barSizeSetting");
      Check.notBlank(durationStr, "durationStr");
      Check.inRange(useRth, 0, 1, "useRTH");
      Check.notBlank(whatToShow, "whatToShow");
      Check.inRange(formatDate, 1, 3, "formatDate");
      Check.isTrue(!keepUpToDate || endDateTime.isEmpty(), "endDateTime",
          "must be empty with keepUpToDate, but was '" + endDateTime + "'");
    }

    /**
     * Daily {@code TRADES} bars of {@code contract} in regular hours up to now, one-off (no
     * updates), dates as {@code yyyyMMdd}.
     */
    public static ReqHistoricalData dailyBars(int reqId, Contract contract, String durationStr) {
      return new ReqHistoricalData(reqId, contract, false, "", "1 day", durationStr, 1, "TRADES", 1, false);
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(reqId);
      Blocks.writeContract(w, contract);
      w.writeBoolean(includeExpired)
          .writeString(endDateTime)
          .writeString(barSizeSetting)
          .writeString(durationStr)
          .writeInt(useRth)
          .writeString(whatToShow)
          .writeInt(formatDate)
          .writeBoolean(keepUpToDate)
          .writeString(""); // chartOptions: internal to IB
    }

    static ReqHistoricalData read(FieldReader r) throws TwsProtocolException {
      int reqId = r.readInt("reqId");
      int at = r.position();
      Contract contract = Blocks.readContract(r, List.of());
      if (contract.isBag()) {
        throw Blocks.unsupported(r, at + 2, "secType", "BAG");
      }
      boolean includeExpired = r.readBoolean("includeExpired");
      String end = r.readString("endDateTime");
      String barSize = r.readString("barSizeSetting");
      String duration = r.readString("durationStr");
      int useRth = r.readInt("useRTH");
      String what = r.readString("whatToShow");
      int formatDate = r.readInt("formatDate");
      boolean keep = r.readBoolean("keepUpToDate");
      int optionsAt = r.position();
      String options = r.readString("chartOptions");
      if (!options.isEmpty()) {
        throw Blocks.unsupported(r, optionsAt, "chartOptions", options);
      }
      return new ReqHistoricalData(reqId, contract, includeExpired, end, barSize, duration, useRth, what,
          formatDate, keep);
    }
  }

  /** {@code [25, 1, reqId]}: cancels a historical-data request still running (e.g. after our time limit). */
  record CancelHistoricalData(int reqId) implements ClientMessage, Message.VersionAndReqId {
    public static final int ID = 25;

    @Override
    public int id() {
      return ID;
    }
  }

  /**
   * {@code [7, 3, reqId, clientId, acctCode, time, symbol, secType, exchange, side]}: asks for
   * today's executions matching the filter; empty strings and client 0 mean "no filter".
   *
   * @param time {@code yyyyMMdd-HH:mm:ss} (UTC) or {@code yyyyMMdd HH:mm:ss tz}, or empty
   */
  record ReqExecutions(int reqId, int clientId, String acctCode, String time, String symbol,
      String secType, String exchange, String side) implements ClientMessage {
    public static final int ID = 7;

    /** Checks every string is set. */
    public ReqExecutions {
      Check.notNull(acctCode, "acctCode");
      Check.notNull(time, "time");
      Check.notNull(symbol, "symbol");
      Check.notNull(secType, "secType");
      Check.notNull(exchange, "exchange");
      Check.notNull(side, "side");
    }

    /** All executions, unfiltered. */
    public static ReqExecutions all(int reqId) {
      return new ReqExecutions(reqId, 0, "", "", "", "", "", "");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      w.writeInt(ID).writeInt(3).writeInt(reqId).writeInt(clientId).writeString(acctCode)
          .writeString(time).writeString(symbol).writeString(secType).writeString(exchange)
          .writeString(side);
    }

    static ReqExecutions read(FieldReader r) throws TwsProtocolException {
      r.readInt("version");
      return new ReqExecutions(r.readInt("reqId"), r.readInt("clientId"),
          r.readString("acctCode"), r.readString("time"), r.readString("symbol"),
          r.readString("secType"), r.readString("exchange"), r.readString("side"));
    }
  }

  /**
   * placeOrder (id 3, no version field): 114 fields for a single contract, 114 + 3 + 8×legs +
   * 2×params for a BAG (149 for a 4-leg condor without routing params). See brief §3.3 for every
   * index; fields not in {@link Order} carry the brief's plain-LMT values. Resending with the same
   * orderId modifies the order.
   */
  record PlaceOrder(int orderId, Contract contract, Order order) implements ClientMessage {
    public static final int ID = 3;

    /** Checks contract and order are set, and the exchange is not IBKRATS (needs extra fields). */
    public PlaceOrder {
      Check.notNull(contract, "contract");
      Check.notNull(order, "order");
      Check.isTrue(!"IBKRATS".equals(contract.exchange()), "contract.exchange",
          "must not be IBKRATS (not supported by this codec)");
      Check.isTrue(contract.isBag() || contract.comboLegs().isEmpty(), "contract.comboLegs",
          "must be empty unless secType is BAG");
      Check.isTrue(contract.isBag() || order.smartComboRoutingParams().isEmpty(),
          "order.smartComboRoutingParams", "must be empty unless secType is BAG");
    }

    @Override
    public int id() {
      return ID;
    }

    @Override
    public void writeTo(FieldWriter w) {
      Order o = order;
      w.writeInt(ID).writeInt(orderId);                        // 0-1
      Blocks.writeContract(w, contract);                       // 2-13
      w.writeString("").writeString("")                        // 14 secIdType, 15 secId
          .writeString(o.action())                             // 16
          .writeDecimal(o.totalQuantity())                     // 17
          .writeString(o.orderType())                          // 18
          .writeDecimal(o.lmtPrice())                          // 19
          .writeDecimal(o.auxPrice())                          // 20
          .writeString(o.tif())                                // 21
          .writeString(o.ocaGroup())                           // 22
          .writeString(o.account())                            // 23
          .writeString(o.openClose())                          // 24
          .writeInt(0)                                         // 25 origin: customer
          .writeString(o.orderRef())                           // 26
          .writeBoolean(o.transmit())                          // 27
          .writeInt(o.parentId())                              // 28
          .writeBoolean(false)                                 // 29 blockOrder
          .writeBoolean(false)                                 // 30 sweepToFill
          .writeInt(0)                                         // 31 displaySize
          .writeInt(0)                                         // 32 triggerMethod
          .writeBoolean(o.outsideRth())                        // 33
          .writeBoolean(false);                                // 34 hidden
      if (contract.isBag()) {
        Blocks.writeComboLegs(w, contract.comboLegs());        // B1, B2
        w.writeInt(0);                                         // B3 no per-leg prices
        Blocks.writeTagValues(w, o.smartComboRoutingParams()); // B4
      }
      w.writeEmpty()                                           // 35 sharesAllocation
          .writeInt(0)                                         // 36 discretionaryAmt
          .writeString(o.goodAfterTime())                      // 37
          .writeString(o.goodTillDate())                       // 38
          .writeEmpty().writeEmpty().writeEmpty()              // 39-41 faGroup/Method/Percentage
          .writeEmpty()                                        // 42 modelCode
          .writeInt(0)                                         // 43 shortSaleSlot
          .writeEmpty()                                        // 44 designatedLocation
          .writeInt(-1)                                        // 45 exemptCode
          .writeInt(o.ocaType())                               // 46
          .writeEmpty().writeEmpty()                           // 47 rule80A, 48 settlingFirm
          .writeBoolean(false)                                 // 49 allOrNone
          .writeEmpty().writeEmpty()                           // 50 minQty, 51 percentOffset
          .writeBoolean(false).writeBoolean(false)             // 52 eTradeOnly, 53 firmQuoteOnly
          .writeEmpty()                                        // 54 nbboPriceCap
          .writeInt(0)                                         // 55 auctionStrategy
          .writeEmpty().writeEmpty().writeEmpty()              // 56-58 startingPrice..delta
          .writeEmpty().writeEmpty()                           // 59-60 stockRangeLower/Upper
          .writeBoolean(false)                                 // 61 overridePercentageConstraints
          .writeEmpty().writeEmpty()                           // 62 volatility, 63 volatilityType
          .writeEmpty().writeEmpty()                           // 64-65 deltaNeutralOrderType/AuxPrice
          .writeBoolean(false)                                 // 66 continuousUpdate
          .writeEmpty()                                        // 67 referencePriceType
          .writeEmpty().writeEmpty()                           // 68 trailStopPrice, 69 trailingPercent
          .writeEmpty().writeEmpty().writeEmpty()              // 70-72 scale sizes/increment
          .writeEmpty()                                        // 73 scaleTable
          .writeEmpty().writeEmpty()                           // 74-75 activeStart/StopTime
          .writeEmpty()                                        // 76 hedgeType
          .writeBoolean(false)                                 // 77 optOutSmartRouting
          .writeEmpty().writeEmpty()                           // 78-79 clearingAccount/Intent
          .writeBoolean(false)                                 // 80 notHeld
          .writeBoolean(false)                                 // 81 deltaNeutralContract
          .writeEmpty().writeEmpty()                           // 82 algoStrategy, 83 algoId
          .writeBoolean(o.whatIf())                            // 84
          .writeEmpty()                                        // 85 orderMiscOptions
          .writeBoolean(false)                                 // 86 solicited
          .writeBoolean(false).writeBoolean(false)             // 87-88 randomizeSize/Price
          .writeInt(0)                                         // 89 conditionCount
          .writeEmpty().writeEmpty().writeEmpty()              // 90-92 adjustedOrderType..lmtPriceOffset
          .writeEmpty().writeEmpty().writeEmpty()              // 93-95 adjusted stop/limit/trailing
          .writeInt(0)                                         // 96 adjustableTrailingUnit
          .writeEmpty()                                        // 97 extOperator
          .writeEmpty().writeEmpty()                           // 98-99 softDollarTier name/value
          .writeEmpty()                                        // 100 cashQty
          .writeEmpty().writeEmpty().writeEmpty().writeEmpty() // 101-104 mifid2
          .writeBoolean(false)                                 // 105 dontUseAutoPriceForHedge
          .writeBoolean(false)                                 // 106 isOmsContainer
          .writeBoolean(false)                                 // 107 discretionaryUpToLimitPrice
          .writeEmpty()                                        // 108 usePriceMgmtAlgo
          .writeEmpty().writeEmpty()                           // 109 duration, 110 postToAts
          .writeBoolean(false)                                 // 111 autoCancelParent
          .writeEmpty()                                        // 112 advancedErrorOverride
          .writeEmpty();                                       // 113 manualOrderTime
    }

    static PlaceOrder read(FieldReader r) throws TwsProtocolException {
      int orderId = r.readInt("orderId");
      Contract head = Blocks.readContract(r, List.of());
      r.skip(2, "secIdType/secId");
      String action = r.readString("action");
      int qtyAt = r.position();
      Optional<BigDecimal> qty = r.readDecimal("totalQuantity");
      if (qty.isEmpty() || qty.get().signum() <= 0) {
        throw r.invalid(qtyAt, "totalQuantity", "must be greater than 0", qty.toString());
      }
      int typeAt = r.position();
      String orderType = r.readString("orderType");
      if (orderType.startsWith("PEG B") || orderType.equals("PEG MID")) {
        throw Blocks.unsupported(r, typeAt, "orderType", orderType);
      }
      Order.Builder b = Order.builder(action, qty.get(), orderType);
      r.readDecimal("lmtPrice").ifPresent(b::lmtPrice);
      r.readDecimal("auxPrice").ifPresent(b::auxPrice);
      b.tif(r.readString("tif"));
      String ocaGroup = r.readString("ocaGroup");
      b.account(r.readString("account"));
      b.openClose(r.readString("openClose"));
      r.readInt("origin");
      b.orderRef(r.readString("orderRef"));
      b.transmit(r.readBoolean("transmit"));
      b.parentId(r.readInt("parentId"));
      r.readBoolean("blockOrder");
      r.readBoolean("sweepToFill");
      r.readInt("displaySize");
      r.readInt("triggerMethod");
      b.outsideRth(r.readBoolean("outsideRth"));
      r.readBoolean("hidden");
      Contract contract = head;
      if (head.isBag()) {
        contract = Blocks.withLegs(head, Blocks.readComboLegs(r));
        int at = r.position();
        int prices = r.readCount("orderComboLegCount", 1);
        if (prices != 0) {
          throw Blocks.unsupported(r, at, "orderComboLegCount", Integer.toString(prices));
        }
        for (TagValue tv : Blocks.readTagValues(r, "smartComboRoutingParams")) {
          b.smartComboRoutingParam(tv.tag(), tv.value());
        }
      }
      if ("IBKRATS".equals(contract.exchange())) {
        throw Blocks.unsupported(r, 9, "exchange", "IBKRATS");
      }
      r.skip(2, "sharesAllocation/discretionaryAmt");
      b.goodAfterTime(r.readString("goodAfterTime"));
      b.goodTillDate(r.readString("goodTillDate"));
      r.skip(5, "faGroup..shortSaleSlot");
      r.skip(2, "designatedLocation/exemptCode");
      b.oca(ocaGroup, r.readInt("ocaType"));
      r.skip(17, "rule80A..volatility"); // 47-63
      requireEmpty(r, "deltaNeutralOrderType");  // 64
      r.skip(5, "deltaNeutralAuxPrice..trailingPercent"); // 65-69
      r.skip(2, "scaleInitLevelSize/scaleSubsLevelSize");
      int scaleAt = r.position();
      var increment = r.readDoubleMax("scalePriceIncrement");
      if (increment.isPresent() && increment.getAsDouble() > 0) {
        throw Blocks.unsupported(r, scaleAt, "scalePriceIncrement", "" + increment.getAsDouble());
      }
      r.skip(3, "scaleTable/activeStartTime/activeStopTime");
      requireEmpty(r, "hedgeType");
      r.skip(4, "optOutSmartRouting..notHeld");
      requireFalse(r, "deltaNeutralContract");
      requireEmpty(r, "algoStrategy");
      r.readString("algoId");
      b.whatIf(r.readBoolean("whatIf"));
      r.skip(4, "orderMiscOptions..randomizePrice");
      int condAt = r.position();
      int conditions = r.readInt("conditionCount");
      if (conditions != 0) {
        throw Blocks.unsupported(r, condAt, "conditionCount", Integer.toString(conditions));
      }
      r.skip(24, "adjustedOrderType..manualOrderTime"); // 90-113
      try {
        return new PlaceOrder(orderId, contract, b.build());
      } catch (IllegalArgumentException e) {
        throw r.invalid(16, "order", "must be a valid order: " + e.getMessage(), action);
      }
    }

    private static void requireEmpty(FieldReader r, String name) throws TwsProtocolException {
      int at = r.position();
      String text = r.readString(name);
      if (!text.isEmpty()) {
        throw Blocks.unsupported(r, at, name, text);
      }
    }

    private static void requireFalse(FieldReader r, String name) throws TwsProtocolException {
      int at = r.position();
      if (r.readBoolean(name)) {
        throw Blocks.unsupported(r, at, name, "1");
      }
    }
  }

  /**
   * A client message whose id this codec does not know; a fake TWS logs and skips it.
   *
   * @param id the message id from field 0
   * @param fields all fields of the frame, id included
   */
  record Unknown(int id, List<String> fields) implements ClientMessage {

    /** Copies the fields. */
    public Unknown {
      fields = List.copyOf(fields);
    }

    @Override
    public void writeTo(FieldWriter w) {
      for (String f : fields) {
        w.writeString(f);
      }
    }
  }
}
