package dev.alvh.app.ops;

import dev.alvh.app.store.HaltRepository;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.risk.HaltState;
import java.util.Optional;

/**
 * The risk halt in the database (table {@code risk_halt}, migration V5), so a halt survives a
 * restart until a person releases it: the runtime saves {@link dev.alvh.core.risk.RiskGate#haltState()}
 * after every cycle and console command, and builds the gate from {@link #load()} on start.
 */
public final class HaltStore {

  private final HaltRepository rows;

  /** The halt of {@code store}'s database. */
  public HaltStore(Store store) {
    this.rows = new HaltRepository(Check.notNull(store, "store"));
  }

  /** The stored halt, {@link HaltState#RUNNING} when there is none. */
  public HaltState load() {
    return rows.load();
  }

  /** Stores {@code state}: a halt replaces any stored one, running deletes it. */
  public void save(HaltState state) {
    rows.save(Check.notNull(state, "state"));
  }

  /** The stored halt's start, if halted. */
  public Optional<java.time.Instant> since() {
    return load().since();
  }
}
