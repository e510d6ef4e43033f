package dev.alvh.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.config.BotConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a sweep, read from a YAML file of one of two shapes:
 *
 * <pre>
 * grid:                                  # every combination (the Cartesian product)
 *   hedge.l1.vixTrigger: [15.0, 16.0, 17.0]
 *   hedge.sizing.budgetShareOfCondorRisk: [0.10, 0.15]
 *
 * points:                                # or these points exactly
 *   - {hedge.l1.vixTrigger: 15.0, hedge.sizing.budgetShareOfCondorRisk: 0.10}
 *   - {hedge.l1.vixTrigger: 17.0}
 * </pre>
 *
 * <p>Keys are the dotted keys of {@code bot.yaml}; nested groups ({@code hedge: {l1: ...}}) are
 * read as dotted keys too. A key a point does not set keeps the base configuration's value.
 * Every point's configuration is built here through {@link ConfigLoader#withOverrides}, so an
 * unknown key or a bad value is refused exactly as in {@code bot.yaml}, before anything runs.
 */
public final class SweepGrid {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SweepGrid() {
  }

  /**
   * One point: the keys it sets and each value's text (a YAML scalar or flow list), in the
   * grid's key order, with its configuration.
   *
   * @param index  1-based position in the grid
   * @param values key to value text
   * @param config the base configuration with {@code values} set
   */
  public record Point(int index, Map<String, String> values, BotConfig config) {

    /** The values as one readable line, {@code key=value; key=value}: the point's identity. */
    public String label() {
      return label(values);
    }

    /** {@code values} as {@code key=value; key=value}. */
    public static String label(Map<String, String> values) {
      StringBuilder sb = new StringBuilder();
      values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      return sb.toString();
    }
  }

  /** Reads {@code file}; see {@link #parse}. */
  public static List<Point> load(Path file, BotConfig base) {
    return parse(ConfigLoader.readText(file, "sweep grid", SweepGridException::new), file.toString(), base);
  }

  /**
   * The points of the grid {@code text}, each with its configuration built from {@code base}.
   *
   * @param source the grid's name, for messages
   * @throws SweepGridException one line naming the key and what is wrong: not YAML, neither
   *                         {@code grid} nor {@code points}, an empty list, an unknown key, a bad value
   */
  public static List<Point> parse(String text, String source, BotConfig base) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      // The parser's message spans lines (with a caret under the text); keep its sentences only.
      String problem = e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
          .collect(java.util.stream.Collectors.joining("; "));
      throw new SweepGridException("sweep grid " + source + " is not valid YAML: " + problem
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new SweepGridException("sweep grid " + source + " must be a map with 'grid' (key: [values]) or 'points'"
          + " (a list of {key: value}), but was '" + (root == null ? "" : root.asText()) + "'");
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!n.equals("grid") && !n.equals("points")) {
        throw new SweepGridException("sweep grid " + source + ": unknown key '" + n + "'; known keys: grid, points");
      }
    }
    if (root.has("grid") && root.has("points")) {
      throw new SweepGridException("sweep grid " + source + ": give either 'grid' or 'points', not both");
    }
    List<Map<String, String>> values = root.has("grid") ? product(root.get("grid"), source)
        : explicit(root.get("points"), source);
    List<Point> points = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Map<String, String> v : values) {
      if (!seen.add(Point.label(v))) {
        continue;
      }
      BotConfig config;
      try {
        config = ConfigLoader.withOverrides(base, v, "sweep grid " + source);
      } catch (ConfigException e) {
        throw new SweepGridException(e.getMessage() + " (point " + Point.label(v) + ")");
      }
      points.add(new Point(points.size() + 1, v, config));
    }
    return points;
  }

  /** Every combination of the grid's lists, the first key varying slowest. */
  private static List<Map<String, String>> product(JsonNode grid, String source) {
    if (!grid.isObject() || grid.isEmpty()) {
      throw new SweepGridException("sweep grid " + source + ": grid must map keys to lists of values, but was '"
          + grid.asText() + "'");
    }
    Map<String, JsonNode> flat = new LinkedHashMap<>();
    flatten(grid, "", flat, true);
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
      JsonNode list = e.getValue();
      if (!list.isArray()) {
        throw new SweepGridException("sweep grid " + source + ": grid." + e.getKey() + " must be a list of values,"
            + " for example [" + text(list) + "], but was '" + text(list) + "'");
      }
      if (list.isEmpty()) {
        throw new SweepGridException("sweep grid " + source + ": grid." + e.getKey() + " is an empty list; give at"
            + " least one value");
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (JsonNode v : list) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), valueText(v, "grid." + e.getKey(), source));
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<Map<String, String>> explicit(JsonNode points, String source) {
    if (!points.isArray() || points.isEmpty()) {
      throw new SweepGridException("sweep grid " + source + ": points must be a non-empty list of {key: value} maps,"
          + " but was '" + text(points) + "'");
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      JsonNode p = points.get(i);
      if (!p.isObject() || p.isEmpty()) {
        throw new SweepGridException("sweep grid " + source + ": points[" + i + "] must be a map of key: value, but was '"
            + text(p) + "'");
      }
      Map<String, JsonNode> flat = new LinkedHashMap<>();
      flatten(p, "", flat, false);
      Map<String, String> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
        m.put(e.getKey(), valueText(e.getValue(), "points[" + i + "]." + e.getKey(), source));
      }
      out.add(m);
    }
    return out;
  }

  /** Nested maps to dotted keys; a grid stops at lists, a point at any non-map value. */
  private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out, boolean grid) {
    node.fields().forEachRemaining(e -> {
      String key = prefix + e.getKey();
      if (e.getValue().isObject()) {
        flatten(e.getValue(), key + ".", out, grid);
      } else {
        out.put(key, e.getValue());
      }
    });
  }

  /** The text a value is given to the configuration loader with: a YAML scalar or flow list. */
  private static String valueText(JsonNode v, String where, String source) {
    if (v.isNull()) {
      throw new SweepGridException("sweep grid " + source + ": " + where + " has an empty value");
    }
    if (v.isObject()) {
      throw new SweepGridException("sweep grid " + source + ": " + where + " must be a value, but was a group of keys");
    }
    return v.isTextual() ? v.asText() : text(v);
  }

  private static String text(JsonNode v) {
    if (v == null) {
      return "";
    }
    if (v.isValueNode()) {
      return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return v.toString();
    }
  }
}
