package dev.alvh.core;

import java.util.Locale;

/**
 * The stable text keys of enum constants, derived from their names, one rule for every keyed enum:
 * {@code PROFIT_TARGET} is {@code profitTarget} in camel case and {@code profit-target} in kebab case.
 *
 * <p>A constant's key is stored and printed (JSON, the store, the replay summary), so renaming a
 * constant renames its key; the enums' tests pin the keys.
 */
public final class EnumKeys {

  private EnumKeys() {
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
}
