package dev.alvh.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alvh.core.HedgeState;
import dev.alvh.core.config.CondorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the bot's YAML configuration into an immutable {@link BotConfig}.
 *
 * <p>A file may set only some keys; the rest keep their defaults ({@link BotConfig#DEFAULTS}).
 * Unknown keys, values of the wrong type and values out of range stop the program: the
 * {@link ConfigException} names the key, the value and what is allowed.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addDeserializer(HedgeState.class, new HedgeStateName()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // a key written twice is a mistake (which one was meant?), not "the last one wins"
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      // Keep decimals exactly as written: 2.0 stays 2.0, 50 stays 50 (not 5E+1).
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private ConfigLoader() {
  }

  /** Reads {@code file}; see the class doc for what is checked. */
  public static BotConfig load(Path file) {
    return parse(readText(file, "config file", ConfigException::new), file.toString());
  }

  /**
   * The text of {@code file}, or the exception {@code error} makes of one line naming it as
   * {@code what}: "{@code what} FILE does not exist" or "{@code what} FILE cannot be read: why".
   */
  public static <E extends RuntimeException> String readText(Path file, String what, Function<String, E> error) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw error.apply(what + " " + file + " does not exist");
    } catch (IOException e) {
      throw error.apply(what + " " + file + " cannot be read: " + e.getMessage());
    }
  }

  /** Reads YAML {@code text} from a source named {@code source} (for messages). */
  public static BotConfig parse(String text, String source) {
    JsonNode user;
    try {
      user = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String msg = oneLine(e.getOriginalMessage());
      java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(msg);
      if (dup.find()) {
        throw new ConfigException(source + ": key '" + dup.group(1) + "' is given twice"
            + (e.getLocation() == null ? "" : " (second at line " + e.getLocation().getLineNr() + ")")
            + "; keep one");
      }
      throw new ConfigException(source + " is not valid YAML: " + msg
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    }
    ObjectNode merged = defaultsTree();
    if (user != null && !user.isNull() && !user.isMissingNode()) {
      if (!user.isObject()) {
        throw new ConfigException(source + " must be a map of keys, but was '" + user.asText() + "'");
      }
      overlay(merged, user, "", source);
    }
    return bind(merged, source);
  }

  /**
   * {@code base} with the dotted keys of {@code overrides} set, each validated like the file.
   * Values are YAML scalars or flow lists, for example {@code "15"} or {@code "[CALM, WATCH]"}.
   */
  public static BotConfig withOverrides(BotConfig base, Map<String, String> overrides, String source) {
    ObjectNode merged = YAML.valueToTree(base);
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      String[] path = o.getKey().split("\\.");
      ObjectNode user = YAML.createObjectNode();
      ObjectNode at = user;
      for (int i = 0; i < path.length - 1; i++) {
        at = at.putObject(path[i]);
      }
      JsonNode value;
      try {
        value = YAML.readTree(o.getValue());
      } catch (JsonProcessingException e) {
        throw new ConfigException(source + ": " + o.getKey() + " = '" + o.getValue() + "' is not a valid value");
      }
      at.set(path[path.length - 1], value);
      overlay(merged, user, "", source);
    }
    return bind(merged, source);
  }

  /** The YAML text of {@code config}, every key written out. */
  public static String toYaml(BotConfig config) {
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("configuration cannot be written as YAML", e);
    }
  }

  /** Every dotted key the configuration knows, in file order. */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    collectKeys(defaultsTree(), "", out);
    return out;
  }

  private static void collectKeys(JsonNode node, String prefix, List<String> out) {
    node.fieldNames().forEachRemaining(name -> {
      JsonNode child = node.get(name);
      if (child.isObject()) {
        collectKeys(child, prefix + name + ".", out);
      } else {
        out.add(prefix + name);
      }
    });
  }

  private static ObjectNode defaultsTree() {
    return YAML.valueToTree(BotConfig.DEFAULTS);
  }

  private static void overlay(ObjectNode base, JsonNode user, String prefix, String source) {
    Iterator<Map.Entry<String, JsonNode>> it = user.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode known = base.get(e.getKey());
      if (known == null) {
        List<String> names = new ArrayList<>();
        base.fieldNames().forEachRemaining(names::add);
        throw new ConfigException(source + ": unknown key '" + key + "'; known keys"
            + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)) + ": "
            + names.stream().sorted().collect(Collectors.joining(", ")));
      }
      if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new ConfigException(source + ": " + key + " must be a group of keys, but was '"
              + e.getValue().asText() + "'");
        }
        overlay((ObjectNode) known, e.getValue(), key + ".", source);
      } else {
        if (e.getValue().isObject()) {
          throw new ConfigException(source + ": " + key + " must be a single value, but was a group of keys");
        }
        JsonNode v = e.getValue();
        if (known.isIntegralNumber() && v.isIntegralNumber()
            && (known.isInt() ? !v.canConvertToInt() : !v.canConvertToLong())) {
          throw new ConfigException(source + ": " + key + " = " + v.asText() + " is too large (at most "
              + (known.isInt() ? Integer.MAX_VALUE : Long.MAX_VALUE) + ")");
        }
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static BotConfig bind(ObjectNode merged, String source) {
    try {
      return YAML.treeToValue(merged, BotConfig.class);
    } catch (ValueInstantiationException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new ConfigException(source + ": " + root.getMessage());
    } catch (InvalidFormatException e) {
      if (e.getTargetType() == HedgeState.class) {
        // a set of states (condor.entryStates): the key without the element's index
        throw new ConfigException(source + ": " + path(e).replaceAll("\\[\\d+]$", "") + " "
            + CondorConfig.entryStatesAllow(String.valueOf(e.getValue())));
      }
      throw new ConfigException(source + ": " + path(e) + " = '" + e.getValue() + "' is not a valid "
          + typeName(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw new ConfigException(source + ": " + path(e) + " must be a "
          + typeName(e.getTargetType()) + " (" + e.getOriginalMessage().split("\n")[0] + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + oneLine(e.getOriginalMessage()));
    }
  }

  /**
   * A hedge state, written by its name ({@link HedgeState#named}). The value is read as text
   * exactly as a string key's is (a number or a boolean is its text; a list or a map is refused),
   * so that a bad value is reported as the text written.
   */
  private static final class HedgeStateName extends StdScalarDeserializer<HedgeState> {

    HedgeStateName() {
      super(HedgeState.class);
    }

    @Override
    public HedgeState deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      return HedgeState.named(text)
          .orElseThrow(() -> InvalidFormatException.from(p, "no hedge state", text, HedgeState.class));
    }
  }

  /** A parser's message on one line (SnakeYAML's span several, with a caret drawing). */
  private static String oneLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("\\^+"))
        .collect(Collectors.joining("; "));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "whole number";
    }
    if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean (true or false)";
    }
    if (type == java.time.LocalTime.class) {
      return "time (HH:MM)";
    }
    if (type == java.time.LocalDate.class) {
      return "date (YYYY-MM-DD)";
    }
    return type.getSimpleName();
  }
}
