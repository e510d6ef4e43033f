package dev.alvh.app.ops;

/** What the {@link HealthServer} reports; the live-time runtime implements it. Called on the server's thread. */
@FunctionalInterface
public interface HealthSource {

  /** The health now; must be cheap and thread-safe (read volatile fields, no broker calls). */
  HealthStatus health();

  /** Called before each {@code /metrics} scrape: refresh gauges that are cheap to compute; must not block. */
  default void beforeScrape() {
  }
}
