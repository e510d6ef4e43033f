package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line is a
 * HELP, a TYPE or a sample; every sample belongs to a family whose TYPE came first; label values
 * are quoted and escaped; values are floats.
 */
final class PrometheusText {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE = Pattern.compile(
      "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})?"
          + " (\\S+)(?: (-?\\d+))?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_bucket", "_created");

  private PrometheusText() {
  }

  /** The samples, keyed {@code name{label="v",...}} in the order the labels appear; fails on any bad line. */
  static Map<String, Double> parse(String text) {
    Map<String, String> types = new HashMap<>();
    Map<String, Double> samples = new LinkedHashMap<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ", 2);
        assertThat(NAME.matcher(p[0]).matches()).as("line %d metric name: %s", n, line).isTrue();
        if (line.startsWith("# TYPE ")) {
          assertThat(TYPES).as("line %d type: %s", n, line).contains(p[1]);
          assertThat(types.put(p[0], p[1])).as("line %d: TYPE given twice", n).isNull();
        }
        continue;
      }
      assertThat(line).as("line %d is neither a comment nor a sample", n).doesNotStartWith("#");
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("line %d is not a sample: %s", n, line).isTrue();
      String name = m.group(1);
      assertThat(SUFFIXES.stream().anyMatch(s -> name.endsWith(s)
          && types.containsKey(name.substring(0, name.length() - s.length()))))
          .as("line %d: sample %s has no TYPE before it", n, name).isTrue();
      String value = m.group(3);
      double v = switch (value) {
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> Double.parseDouble(value);
      };
      StringBuilder key = new StringBuilder(name);
      if (m.group(2) != null && !m.group(2).isEmpty()) {
        Matcher l = LABEL.matcher(m.group(2));
        StringBuilder labels = new StringBuilder();
        while (l.find()) {
          labels.append(labels.length() == 0 ? "" : ",").append(l.group(1)).append("=\"").append(l.group(2)).append('"');
        }
        key.append('{').append(labels).append('}');
      }
      assertThat(samples.put(key.toString(), v)).as("line %d: sample %s given twice", n, key).isNull();
    }
    assertThat(text).endsWith("\n");
    return samples;
  }
}
