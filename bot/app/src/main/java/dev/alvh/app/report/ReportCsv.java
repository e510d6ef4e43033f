package dev.alvh.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.ReplayQueries;
import dev.alvh.core.port.Clock;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV files of a replay's report: {@code trades.csv} (every fill of every book) and
 * {@code transitions.csv} (every hedge transition of every book, one column per signal, nested
 * signals as {@code a.b}).
 */
final class ReportCsv {

  private final ObjectMapper json = new ObjectMapper();

  /** Writes every fill of every book of {@code r} to {@code file}. */
  static void writeTrades(Replay.ReplayResult r, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("book,time,orderRef,purpose,contract,side,qty,price,commission\n");
      for (BookRun b : r.books().values()) {
        for (ReplayQueries.Trade t : b.trades()) {
          w.write(csv(b.book().key(), time(t.time()), t.orderRef(), t.purpose(), t.contract(), t.side(),
              Integer.toString(t.quantity()), t.price().toPlainString(), t.commission().toPlainString()));
        }
      }
    }
  }

  /** Writes every hedge transition of every book of {@code r} to {@code file}, a column per signal. */
  void writeTransitions(Replay.ReplayResult r, Path file) throws IOException {
    Set<String> signalNames = new LinkedHashSet<>();
    List<Map<String, String>> parsed = new ArrayList<>();
    for (BookRun b : r.books().values()) {
      for (HedgeStore.TransitionRow t : b.transitions()) {
        Map<String, String> signals = flatten(t.signals());
        signalNames.addAll(signals.keySet());
        parsed.add(signals);
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>(List.of("book", "time", "from", "to", "rule"));
      header.addAll(signalNames);
      w.write(csv(header.toArray(String[]::new)));
      int i = 0;
      for (BookRun b : r.books().values()) {
        for (HedgeStore.TransitionRow t : b.transitions()) {
          Map<String, String> signals = parsed.get(i++);
          List<String> row = new ArrayList<>(List.of(b.book().key(), time(t.at()), t.from().name(), t.to().name(),
              t.rule()));
          signalNames.forEach(n -> row.add(signals.getOrDefault(n, "")));
          w.write(csv(row.toArray(String[]::new)));
        }
      }
    }
  }

  /** The signals JSON as name to value, nested objects as {@code a.b}; text that is not JSON as one column. */
  Map<String, String> flatten(String signals) {
    Map<String, String> out = new LinkedHashMap<>();
    if (signals == null || signals.isBlank()) {
      return out;
    }
    try {
      flatten("", json.readTree(signals), out);
    } catch (IOException e) {
      out.put("signals", signals);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else {
      out.put(prefix.isEmpty() ? "signals" : prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }

  static String csv(String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
        c = '"' + c.replace("\"", "\"\"") + '"';
      }
      sb.append(i == 0 ? "" : ",").append(c);
    }
    return sb.append('\n').toString();
  }

  /** {@code t} as New York time with its offset. */
  private static String time(java.time.Instant t) {
    return t.atZone(Clock.MARKET_ZONE).toOffsetDateTime().toString();
  }
}
