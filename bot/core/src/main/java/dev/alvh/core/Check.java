package dev.alvh.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Argument checks for constructors and factories, one helper for the whole project.
 *
 * <p>Every check returns the value it checked, so it fits in an assignment, and its
 * message names the argument, the rule and the bad value, for example
 * {@code "hedge.l1.vixTrigger must be in [0, 200], but was -3"}. Configuration records
 * use the full dotted key as the name, so the same message reaches the user unchanged.
 */
public final class Check {

  private Check() {
  }

  /** Returns {@code value} if it is not null; the message names {@code name}. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be set, but was missing");
    }
    return value;
  }

  /** Returns {@code value} if it is not blank. */
  public static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, but was '" + value + "'");
    }
    return value;
  }

  /** Returns {@code value} if {@code min <= value <= max}. */
  public static double inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + fmt(min) + ", " + fmt(max) + "], but was " + fmt(value));
    }
    return value;
  }

  /** Returns {@code value} if {@code min <= value <= max}. */
  public static int inRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if {@code min <= value <= max}; null is reported as missing. */
  public static BigDecimal inRange(BigDecimal value, BigDecimal min, BigDecimal max, String name) {
    notNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be in [" + min.toPlainString() + ", " + max.toPlainString()
              + "], but was " + value.toPlainString());
    }
    return value;
  }

  /** Returns {@code value} if it is strictly positive. */
  public static double positive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be greater than 0, but was " + fmt(value));
    }
    return value;
  }

  /** Returns {@code value} if it is strictly positive. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0, but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or more. */
  public static double notNegative(double value, String name) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be 0 or more, but was " + fmt(value));
    }
    return value;
  }

  /** Returns {@code value} if it is zero or more. */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or more; null is reported as missing. */
  public static BigDecimal notNegative(BigDecimal value, String name) {
    notNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, but was " + value.toPlainString());
    }
    return value;
  }

  /** Throws with {@code message} prefixed by {@code name} unless {@code condition} holds. */
  public static void isTrue(boolean condition, String name, String message) {
    if (!condition) {
      throw new IllegalArgumentException(name + " " + message);
    }
  }

  /** Formats a double without a trailing ".0" for whole numbers. */
  static String fmt(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Objects.toString(v);
  }
}
