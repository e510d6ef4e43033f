package dev.alvh.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The stable text keys of enum constants, derived from their names, one rule for every keyed enum:
 * {@code PROFIT_TARGET} is {@code profitTarget} in camel case and {@code profit-target} in kebab case.
 *
 * <p>A keyed enum declares its case by implementing {@link CamelCase} or {@link KebabCase}, whose
 * {@code key()} reads the constant's key from a table built once per enum class.
 *
 * <p>A constant's key is stored and printed (JSON, the store, the replay summary), so renaming a
 * constant renames its key; the enums' tests pin the keys.
 */
public final class EnumKeys {

  private static final ClassValue<String[]> CAMEL_CASE_KEYS = keysBy(EnumKeys::camelCase);
  private static final ClassValue<String[]> KEBAB_CASE_KEYS = keysBy(EnumKeys::kebabCase);

  private EnumKeys() {
  }

  /** An enum whose constants are keyed by their names in lower camel case; implemented by enums only. */
  public interface CamelCase {
    /** The constant's key: its name in lower camel case, e.g. {@code profitTarget}. */
    default String key() {
      return keyOf(this, CAMEL_CASE_KEYS);
    }
  }

  /** An enum whose constants are keyed by their names in lower kebab case; implemented by enums only. */
  public interface KebabCase {
    /** The constant's key: its name in lower kebab case, e.g. {@code never-sent}. */
    default String key() {
      return keyOf(this, KEBAB_CASE_KEYS);
    }
  }

  /** The constant's name in lower camel case: {@code TIME_EXIT} is {@code timeExit}. */
  public static String camelCase(Enum<?> constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.name().toLowerCase(Locale.ROOT).split("_")) {
      out.append(out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return out.toString();
  }

  /** The constant's name in lower kebab case: {@code NEVER_SENT} is {@code never-sent}. */
  public static String kebabCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String keyOf(Object keyed, ClassValue<String[]> keys) {
    Enum<?> constant = (Enum<?>) keyed;
    return keys.get(constant.getDeclaringClass())[constant.ordinal()];
  }

  /** The keys of an enum class's constants by ordinal, computed on first use of each class. */
  private static ClassValue<String[]> keysBy(Function<Enum<?>, String> rule) {
    return new ClassValue<>() {
      @Override
      protected String[] computeValue(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> rule.apply((Enum<?>) c)).toArray(String[]::new);
      }
    };
  }
}
