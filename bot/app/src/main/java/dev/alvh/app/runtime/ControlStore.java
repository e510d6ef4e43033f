package dev.alvh.app.runtime;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.store.ControlRepository;
import dev.alvh.app.store.Jdbc;
import dev.alvh.core.HedgeState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator set that must survive a restart: configuration overrides
 * ({@code setting_override}), the switches of {@link Controls} ({@code control_switch}) and
 * approval decisions ({@code approval}).
 */
public final class ControlStore {

  private final ControlRepository rows;

  /** Control tables in the store behind {@code jdbc}. */
  public ControlStore(Jdbc jdbc) {
    this.rows = new ControlRepository(jdbc);
  }

  /** The stored overrides, by key, in key order. */
  public Map<String, String> overrides() {
    return rows.overrides();
  }

  /** Stores (or replaces) the override of {@code key}. */
  public void putOverride(String key, String value, Instant at, String source) {
    rows.putOverride(key, value, at, source);
  }

  /** Removes the override of {@code key}; true when there was one. */
  public boolean removeOverride(String key) {
    return rows.removeOverride(key);
  }

  /** Removes every override; returns how many there were. */
  public int clearOverrides() {
    return rows.clearOverrides();
  }

  /** Stores the switches of {@code c}. */
  public void saveSwitches(Controls c, LocalDate today, Instant at) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("paused", Boolean.toString(c.paused()));
    m.put("halted", Boolean.toString(c.halted()));
    m.put("approval", Boolean.toString(c.approvalRequired()));
    m.put("forced", c.forcedSetting().map(HedgeState::name).orElse(null));
    m.put("forcedUntil", c.forcedUntil().map(LocalDate::toString).orElse(null));
    rows.saveSwitches(m, at);
  }

  /** Sets {@code c} from the stored switches; nothing is changed for switches never stored. */
  public void loadSwitches(Controls c) {
    Map<String, String> m = rows.switches();
    Optional.ofNullable(m.get("paused")).ifPresent(v -> c.paused(Boolean.parseBoolean(v)));
    Optional.ofNullable(m.get("halted")).ifPresent(v -> c.halted(Boolean.parseBoolean(v)));
    Optional.ofNullable(m.get("approval")).ifPresent(v -> c.approvalRequired(Boolean.parseBoolean(v)));
    String forced = m.get("forced");
    if (forced != null) {
      c.force(HedgeState.named(forced).orElseThrow(() -> new IllegalStateException(
              "the stored switch 'forced' names no hedge state: '" + forced + "', one of "
              + java.util.Arrays.toString(HedgeState.values()))),
          Optional.ofNullable(m.get("forcedUntil")).map(LocalDate::parse));
    } else {
      c.unforce();
    }
  }

  /** Records an operator's decision on a held order. */
  public void approval(String ref, boolean approved, Instant at, String source) {
    rows.approval(ref, approved, at, source);
  }

  /** The decision on {@code ref}, if one was taken. */
  public Optional<String> approval(String ref) {
    return rows.approval(ref);
  }

  /** Every decision, newest first, at most {@code n}. */
  public List<String> approvals(int n) {
    return rows.approvals(n);
  }
}
