package dev.alvh.core;

import java.util.Optional;

/**
 * The states of the layered hedge (spec section 4).
 *
 * <p>Each state knows its {@linkplain #level() level}, the number of hedge layers it wants held,
 * and a stable {@linkplain #code() code} for storage. Its {@linkplain #name() name} is how the
 * state is written where people read or write it (configuration, JSON, reports, the snapshot
 * column); {@link #named} reads it back.
 *
 * <p>Here, beside {@link Check}, rather than in the hedge package: the configuration and the
 * condor rules name hedge states too, and the hedge package depends on both.
 */
public enum HedgeState {

  /** No stress: no layers, condors trade normally. */
  CALM(0, 0),
  /** Early warning (confluence score 2 or more): no layers yet. */
  WATCH(1, 0),
  /** Base layer held. */
  L1(2, 1),
  /** Base and intermediate layers held; no new condors. */
  L2(3, 2),
  /** All three layers held; no new condors. */
  L3(4, 3),
  /** After a spike: monetize L1 and half of L2, keep L3, sell VIX call spreads. */
  PRESS(5, 3),
  /**
   * Closing the layers, shortest-dated first. Its level is 0: the state wants no layers, and the
   * layers still held fall to zero as they are closed (spec: "falling"). Whether any are still
   * held is an input of the machine ({@link dev.alvh.core.hedge.HedgeContext#layersHeld()}).
   */
  UNWIND(6, 0);

  // The code is stored with every transition and in the persisted context. It is fixed here,
  // rather than taken from ordinal(), so that reordering or inserting a constant never changes
  // the meaning of rows already written.
  private final int code;
  private final int level;

  HedgeState(int code, int level) {
    this.code = code;
    this.level = level;
  }

  /** The stable storage code of this state, 0 to 6; never reused. */
  public int code() {
    return code;
  }

  /** The number of hedge layers this state wants held: 0, 0, 1, 2, 3, 3 and 0 for UNWIND. */
  public int level() {
    return level;
  }

  /** The state named {@code name} exactly ({@link #name()}, upper case); empty for any other text or null. */
  public static Optional<HedgeState> named(String name) {
    for (HedgeState s : values()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The state stored as {@code code}. */
  public static HedgeState fromCode(int code) {
    for (HedgeState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("code must be a hedge state code in [0, 6], but was " + code);
  }
}
