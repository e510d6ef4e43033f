package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.FieldReader;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.ArrayList;
import java.util.List;

/** Field groups shared by several messages, written and read in one place. */
final class Blocks {

  private Blocks() {
  }

  /**
   * The 12-field contract block: conId, symbol, secType, lastTradeDateOrContractMonth, strike,
   * right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass.
   */
  static void writeContract(FieldWriter w, Contract c) {
    writeContract(w, c, true);
  }

  /** Reads the 12-field contract block; legs, if any, are read by the caller. */
  static Contract readContract(FieldReader r, List<ComboLeg> legs) throws TwsProtocolException {
    return readContract(r, true, legs);
  }

  /**
   * The 11-field contract block of openOrder, position and execDetails: the 12-field block
   * without primaryExch.
   */
  static void writeShortContract(FieldWriter w, Contract c) {
    writeContract(w, c, false);
  }

  /** Reads the 11-field contract block (no primaryExch). */
  static Contract readShortContract(FieldReader r) throws TwsProtocolException {
    return readContract(r, false, List.of());
  }

  /** The contract block, with or without primaryExch (the one field the two blocks differ in). */
  private static void writeContract(FieldWriter w, Contract c, boolean withPrimaryExch) {
    w.writeInt(c.conId())
        .writeString(c.symbol())
        .writeString(c.secType())
        .writeString(c.lastTradeDateOrContractMonth())
        .writeDouble(c.strike())
        .writeString(c.right())
        .writeString(c.multiplier())
        .writeString(c.exchange());
    if (withPrimaryExch) {
      w.writeString(c.primaryExch());
    }
    w.writeString(c.currency())
        .writeString(c.localSymbol())
        .writeString(c.tradingClass());
  }

  /** Reads the contract block, with or without primaryExch (empty when the block has none). */
  private static Contract readContract(FieldReader r, boolean withPrimaryExch, List<ComboLeg> legs)
      throws TwsProtocolException {
    int conId = r.readInt("conId");
    String symbol = r.readString("symbol");
    String secType = r.readString("secType");
    String expiry = r.readString("lastTradeDateOrContractMonth");
    double strike = r.readDouble("strike");
    String right = r.readString("right");
    String multiplier = r.readString("multiplier");
    String exchange = r.readString("exchange");
    String primaryExch = withPrimaryExch ? r.readString("primaryExch") : "";
    return new Contract(conId, symbol, secType, expiry, strike, right, multiplier, exchange, primaryExch,
        r.readString("currency"), r.readString("localSymbol"), r.readString("tradingClass"), legs);
  }

  /** {@code c} with {@code legs} as its combo legs. */
  static Contract withLegs(Contract c, List<ComboLeg> legs) {
    return new Contract(c.conId(), c.symbol(), c.secType(), c.lastTradeDateOrContractMonth(),
        c.strike(), c.right(), c.multiplier(), c.exchange(), c.primaryExch(), c.currency(),
        c.localSymbol(), c.tradingClass(), legs);
  }

  /** Combo legs with all 8 fields each, preceded by their count. */
  static void writeComboLegs(FieldWriter w, List<ComboLeg> legs) {
    w.writeInt(legs.size());
    for (ComboLeg leg : legs) {
      w.writeInt(leg.conId())
          .writeInt(leg.ratio())
          .writeString(leg.action())
          .writeString(leg.exchange())
          .writeInt(leg.openClose())
          .writeInt(leg.shortSaleSlot())
          .writeString(leg.designatedLocation())
          .writeInt(leg.exemptCode());
    }
  }

  /** Reads a count and that many 8-field combo legs. */
  static List<ComboLeg> readComboLegs(FieldReader r) throws TwsProtocolException {
    int n = r.readCount("comboLegCount", 8);
    List<ComboLeg> legs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      legs.add(new ComboLeg(r.readInt("leg.conId"), r.readInt("leg.ratio"),
          r.readString("leg.action"), r.readString("leg.exchange"), r.readInt("leg.openClose"),
          r.readInt("leg.shortSaleSlot"), r.readString("leg.designatedLocation"),
          r.readInt("leg.exemptCode")));
    }
    return legs;
  }

  /** A counted tag/value list: count, then tag and value fields. */
  static void writeTagValues(FieldWriter w, List<TagValue> values) {
    w.writeInt(values.size());
    for (TagValue tv : values) {
      w.writeString(tv.tag()).writeString(tv.value());
    }
  }

  /** Reads a counted tag/value list. */
  static List<TagValue> readTagValues(FieldReader r, String name) throws TwsProtocolException {
    int n = r.readCount(name, 2);
    List<TagValue> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(new TagValue(r.readString(name + ".tag"), r.readString(name + ".value")));
    }
    return values;
  }

  /** Builds the error for a field value this codec does not support. */
  static TwsProtocolException unsupported(FieldReader r, int index, String name, String text) {
    return r.invalid(index, name, "not supported by this codec at server version 178", text);
  }
}
