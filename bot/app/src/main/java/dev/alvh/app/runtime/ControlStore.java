package dev.alvh.app.runtime;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.store.Jdbc;
import dev.alvh.core.hedge.HedgeState;
import java.sql.Timestamp;
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

  private final Jdbc jdbc;

  /** Control tables in the store behind {@code jdbc}. */
  public ControlStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored overrides, by key, in key order. */
  public Map<String, String> overrides() {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query("SELECT config_key, config_value FROM setting_override ORDER BY config_key", rs -> {
      out.put(rs.getString(1), rs.getString(2));
      return null;
    });
    return out;
  }

  /** Stores (or replaces) the override of {@code key}. */
  public void putOverride(String key, String value, Instant at, String source) {
    jdbc.update("MERGE INTO setting_override(config_key, config_value, set_at, source) KEY(config_key)"
        + " VALUES (?,?,?,?)", key, value, Timestamp.from(at), source);
  }

  /** Removes the override of {@code key}; true when there was one. */
  public boolean removeOverride(String key) {
    return jdbc.update("DELETE FROM setting_override WHERE config_key=?", key) > 0;
  }

  /** Removes every override; returns how many there were. */
  public int clearOverrides() {
    return jdbc.update("DELETE FROM setting_override");
  }

  /** Stores the switches of {@code c}. */
  public void saveSwitches(Controls c, LocalDate today, Instant at) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("paused", Boolean.toString(c.paused()));
    m.put("halted", Boolean.toString(c.halted()));
    m.put("approval", Boolean.toString(c.approvalRequired()));
    m.put("forced", c.forcedSetting().map(HedgeState::name).orElse(null));
    m.put("forcedUntil", c.forcedUntil().map(LocalDate::toString).orElse(null));
    m.forEach((k, v) -> jdbc.update("MERGE INTO control_switch(switch_name, switch_value, updated_at)"
        + " KEY(switch_name) VALUES (?,?,?)", k, v, Timestamp.from(at)));
  }

  /** Sets {@code c} from the stored switches; nothing is changed for switches never stored. */
  public void loadSwitches(Controls c) {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.query("SELECT switch_name, switch_value FROM control_switch", rs -> {
      m.put(rs.getString(1), rs.getString(2));
      return null;
    });
    Optional.ofNullable(m.get("paused")).ifPresent(v -> c.paused(Boolean.parseBoolean(v)));
    Optional.ofNullable(m.get("halted")).ifPresent(v -> c.halted(Boolean.parseBoolean(v)));
    Optional.ofNullable(m.get("approval")).ifPresent(v -> c.approvalRequired(Boolean.parseBoolean(v)));
    if (m.get("forced") != null) {
      c.force(HedgeState.valueOf(m.get("forced")),
          Optional.ofNullable(m.get("forcedUntil")).map(LocalDate::parse));
    } else {
      c.unforce();
    }
  }

  /** Records an operator's decision on a held order. */
  public void approval(String ref, boolean approved, Instant at, String source) {
    jdbc.update("MERGE INTO approval(ref, decision, decided_at, source) KEY(ref) VALUES (?,?,?,?)", ref,
        approved ? "APPROVED" : "REJECTED", Timestamp.from(at), source);
  }

  /** The decision on {@code ref}, if one was taken. */
  public Optional<String> approval(String ref) {
    return jdbc.queryOne("SELECT decision FROM approval WHERE ref=?", rs -> rs.getString(1), ref);
  }

  /** Every decision, newest first, at most {@code n}. */
  public List<String> approvals(int n) {
    return jdbc.query("SELECT ref, decision FROM approval ORDER BY decided_at DESC LIMIT ?",
        rs -> rs.getString(1) + " " + rs.getString(2), n);
  }
}
