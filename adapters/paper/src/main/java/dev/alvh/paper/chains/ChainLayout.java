package dev.alvh.paper.chains;

import java.util.List;
import java.util.Map;

/**
 * The option chain file layouts {@link ChainFiles} reads, each recognized by its header (names
 * matched without regard to case, surrounding spaces and square brackets).
 */
public enum ChainLayout {

  /**
   * Cboe DataShop "Option EOD Summary": one row per contract; {@code root} ({@code SPX},
   * {@code SPXW}), {@code option_type} {@code C}/{@code P}, and the 15:45 snapshot
   * {@code bid_1545}, {@code ask_1545}, {@code active_underlying_price_1545} (or the mid of
   * {@code underlying_bid_1545} and {@code underlying_ask_1545}), {@code implied_volatility_1545}.
   */
  CBOE_DATASHOP("Cboe DataShop Option EOD Summary",
      List.of("quote_date", "root", "expiration", "strike", "option_type", "bid_1545", "ask_1545")),

  /**
   * OptionsDX end-of-day: one row per strike with the call and the put side by side
   * ({@code [C_BID]}, {@code [C_ASK]}, {@code [STRIKE]}, {@code [P_BID]}, {@code [P_ASK]}),
   * {@code [QUOTE_DATE]}, {@code [EXPIRE_DATE]}, {@code [UNDERLYING_LAST]}, {@code [C_IV]},
   * {@code [P_IV]}. It has no root column: its rows are taken as SPXW.
   */
  OPTIONSDX("OptionsDX",
      List.of("quote_date", "expire_date", "strike", "underlying_last", "c_bid", "c_ask", "p_bid", "p_ask")),

  /**
   * The layout of the 2019 sample ({@code shared/data/options}): {@code quote_date},
   * {@code underlying_close}, {@code underlying_snapshot}, {@code root}, {@code expiration},
   * {@code dte}, {@code type} ({@code call}/{@code put}), {@code strike}, {@code bid},
   * {@code ask}, {@code volume}, {@code open_interest}; the level is {@code underlying_snapshot}
   * (else {@code underlying_last}, else {@code underlying_close}).
   */
  SAMPLE_2019("2019 sample (quote_date,root,expiration,type,strike,bid,ask)",
      List.of("quote_date", "root", "expiration", "type", "strike", "bid", "ask"));

  private final String title;
  private final List<String> required;

  ChainLayout(String title, List<String> required) {
    this.title = title;
    this.required = required;
  }

  /** The layout's name for messages. */
  public String title() {
    return title;
  }

  /** The columns a file of this layout must have (normalized names). */
  public List<String> required() {
    return required;
  }

  /** A header cell as compared: trimmed, without a byte-order mark and brackets, lower case. */
  static String normalize(String cell) {
    String c = cell.strip();
    if (!c.isEmpty() && c.charAt(0) == '\uFEFF') {
      c = c.substring(1).strip();
    }
    if (c.startsWith("[") && c.endsWith("]")) {
      c = c.substring(1, c.length() - 1).strip();
    }
    return c.toLowerCase(java.util.Locale.ROOT);
  }

  /** The first layout whose required columns are all in {@code columns} (normalized name to index), or null. */
  static ChainLayout detect(Map<String, Integer> columns) {
    for (ChainLayout l : values()) {
      if (columns.keySet().containsAll(l.required)) {
        return l;
      }
    }
    return null;
  }
}
