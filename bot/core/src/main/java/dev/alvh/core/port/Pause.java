package dev.alvh.core.port;

import java.time.Duration;

/**
 * Lets time pass between two steps of an order's price walk.
 *
 * <p>Live sleeps on the wall clock; replay moves its virtual clock forward (so a walk costs no
 * wall time); {@link #NONE} does neither, for tests and for a replay that does not move its
 * clock between steps.
 */
@FunctionalInterface
public interface Pause {

  /** Returns at once: the steps of a walk happen at the same instant. */
  Pause NONE = d -> { };

  /** Waits {@code d}, or makes {@code d} pass. */
  void pause(Duration d);

  /**
   * Waits {@code d}, or less once {@code over} says the wait has no purpose any more (the order
   * filled or was cancelled during the wait, a halt was requested). A pause that cannot end early
   * waits all of {@code d}: this default.
   */
  default void pause(Duration d, java.util.function.BooleanSupplier over) {
    pause(d);
  }
}
