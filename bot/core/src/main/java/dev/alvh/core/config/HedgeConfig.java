package dev.alvh.core.config;

/** Placeholder until the hedge branch lands: the hedge rules; YAML group {@code hedge.*}. */
public record HedgeConfig(boolean enabled) {

  /** The defaults. */
  public static final HedgeConfig DEFAULTS = new HedgeConfig(true);
}
