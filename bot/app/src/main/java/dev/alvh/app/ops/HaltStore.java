package dev.alvh.app.ops;

import dev.alvh.app.store.Jdbc;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.risk.HaltState;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The risk halt in the database (table {@code risk_halt}, migration V5), so a halt survives a
 * restart until a person releases it: the runtime saves {@link dev.alvh.core.risk.RiskGate#haltState()}
 * after every cycle and console command, and builds the gate from {@link #load()} on start.
 */
public final class HaltStore {

  private final Jdbc jdbc;

  /** The halt of {@code store}'s database. */
  public HaltStore(Store store) {
    this.jdbc = Check.notNull(store, "store").jdbc();
  }

  /** The stored halt, {@link HaltState#RUNNING} when there is none. */
  public HaltState load() {
    return jdbc.queryOne("SELECT reason, since FROM risk_halt WHERE id=1",
        rs -> HaltState.halted(rs.getString(1), rs.getTimestamp(2).toInstant())).orElse(HaltState.RUNNING);
  }

  /** Stores {@code state}: a halt replaces any stored one, running deletes it. */
  public void save(HaltState state) {
    Check.notNull(state, "state");
    if (!state.halted()) {
      jdbc.update("DELETE FROM risk_halt WHERE id=1");
      return;
    }
    String reason = state.reason().length() > 512 ? state.reason().substring(0, 512) : state.reason();
    jdbc.update("MERGE INTO risk_halt(id, reason, since) KEY(id) VALUES (1, ?, ?)", reason,
        Timestamp.from(state.since().orElseThrow()));
  }

  /** The stored halt's start, if halted. */
  public Optional<java.time.Instant> since() {
    return load().since();
  }
}
