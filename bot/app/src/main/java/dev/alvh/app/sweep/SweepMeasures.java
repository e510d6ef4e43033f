package dev.alvh.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.store.ReplayQueries;
import dev.alvh.app.replay.BookMetrics;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.HedgeState;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.order.OrderPurpose;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One book's measures in one window as {@code sweep.csv} cells: every field of the replay's
 * {@link BookMetrics} (groups as dotted names, lists space-separated; the in-memory database
 * name left out), plus the measures the choice of spec section 7 needs:
 *
 * <ul>
 *   <li>{@code condorCredit}: condor credit received in the window (opening and roll fills,
 *       sells minus buys, before commissions), USD;</li>
 *   <li>{@code hedgeNetCost}: what the hedge cost net of what it returned, that is minus
 *       {@code hedgePnl} (which already counts the premium paid, the proceeds of sales, the
 *       settlements and the end mark), USD;</li>
 *   <li>{@code carryCapUsd}: {@code hedge.carryCap.maxShareOfCredit} of the condor credit, USD;</li>
 *   <li>{@code withinCarryCap}: {@code hedgeNetCost <= carryCapUsd};</li>
 *   <li>{@code hedgeNetCostShareOfCredit}: {@code hedgeNetCost / condorCredit} (empty without credit);</li>
 *   <li>{@code cagrOverMaxDrawdown}: {@code cagr / maxDrawdownPct}, the objective.</li>
 * </ul>
 */
public final class SweepMeasures {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private SweepMeasures() {
  }

  /** The cells of {@code run} measured as {@code metrics}, column names prefixed with {@code prefix}. */
  public static Map<String, String> cells(String prefix, BookRun run, BookMetrics metrics, BotConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode tree = JSON.valueToTree(metrics);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("database");
    JsonNode states = tree.get("statesVisited");
    if (states != null && states.isObject()) {
      // every state gets a column, 0 when not visited, so rows line up
      com.fasterxml.jackson.databind.node.ObjectNode all = JSON.createObjectNode();
      for (HedgeState s : HedgeState.values()) {
        all.put(s.name(), 0L);
      }
      all.setAll((com.fasterxml.jackson.databind.node.ObjectNode) states);
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("statesVisited", all);
    }
    flatten(tree, prefix, out);
    BigDecimal credit = condorCredit(run);
    BigDecimal netCost = run.hedgePnl().negate();
    BigDecimal cap = credit.multiply(config.hedge().carryCap().maxShareOfCredit()).setScale(2, RoundingMode.HALF_EVEN);
    out.put(prefix + "condorCredit", credit.toPlainString());
    out.put(prefix + "hedgeNetCost", netCost.toPlainString());
    out.put(prefix + "carryCapUsd", cap.toPlainString());
    out.put(prefix + "withinCarryCap", Boolean.toString(netCost.compareTo(cap) <= 0));
    out.put(prefix + "hedgeNetCostShareOfCredit", credit.signum() > 0
        ? netCost.divide(credit, 4, RoundingMode.HALF_EVEN).toPlainString() : "");
    out.put(prefix + "cagrOverMaxDrawdown", Double.toString(
        Frontier.Measures.ratio(metrics.cagr(), metrics.maxDrawdownPct())));
    return out;
  }

  /** Condor credit received: opening and roll fills, sells minus buys, before commissions, USD. */
  public static BigDecimal condorCredit(BookRun run) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ReplayQueries.Trade t : run.trades()) {
      if (!OrderPurpose.OPEN_CONDOR.name().equals(t.purpose()) && !OrderPurpose.ROLL_CONDOR.name().equals(t.purpose())) {
        continue;
      }
      BigDecimal gross = t.price().multiply(BigDecimal.valueOf(
          (long) t.quantity() * OptionContract.parseKey(t.contract()).multiplier()));
      sum = "SELL".equals(t.side()) ? sum.add(gross) : sum.subtract(gross);
    }
    return sum.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(v, key + ".", out);
      } else if (v.isArray()) {
        StringBuilder sb = new StringBuilder();
        v.forEach(x -> sb.append(sb.length() == 0 ? "" : " ").append(x.asText()));
        out.put(key, sb.toString());
      } else {
        out.put(key, v.isNull() ? "" : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
      }
    }
  }
}
