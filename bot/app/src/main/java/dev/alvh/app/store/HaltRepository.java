package dev.alvh.app.store;

import dev.alvh.core.risk.HaltState;
import java.util.Objects;

/** The risk halt's row (table {@code risk_halt}, migration V5): one halt at most, with its reason and start. */
public final class HaltRepository {

  /** The longest reason stored; a longer one is cut. */
  static final int MAX_REASON = 512;

  private final Jdbc jdbc;

  /** The halt of {@code store}'s database. */
  public HaltRepository(Store store) {
    this.jdbc = store.jdbc();
  }

  /** The stored halt, {@link HaltState#RUNNING} when there is none. */
  public HaltState load() {
    return jdbc.withHandle("reading the risk halt", h -> h.createQuery("SELECT reason, since FROM risk_halt WHERE id=1")
        .map((rs, ctx) -> HaltState.halted(rs.getString(1), rs.getTimestamp(2).toInstant())).list())
        .stream().filter(Objects::nonNull).findFirst().orElse(HaltState.RUNNING);
  }

  /** Stores {@code state}: a halt replaces any stored one, running deletes it. */
  public void save(HaltState state) {
    if (!state.halted()) {
      jdbc.withHandle("clearing the risk halt", h -> h.createUpdate("DELETE FROM risk_halt WHERE id=1").execute());
      return;
    }
    String reason = state.reason().length() > MAX_REASON ? state.reason().substring(0, MAX_REASON) : state.reason();
    jdbc.withHandle("storing the risk halt", h -> h.createUpdate(
        "MERGE INTO risk_halt(id, reason, since) KEY(id) VALUES (1, :reason, :since)")
        .bind("reason", reason).bind("since", state.since().orElseThrow()).execute());
  }
}
