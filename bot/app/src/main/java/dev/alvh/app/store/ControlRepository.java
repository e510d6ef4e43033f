package dev.alvh.app.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator set that must survive a restart, as rows: configuration overrides
 * ({@code setting_override}), named switches ({@code control_switch}) and approval decisions
 * ({@code approval}).
 */
public final class ControlRepository {

  private final Jdbc jdbc;

  /** The control tables of the store behind {@code jdbc}. */
  public ControlRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored overrides, by key, in key order. */
  public Map<String, String> overrides() {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.withHandle("reading the overrides", h -> h.createQuery(
        "SELECT config_key, config_value FROM setting_override ORDER BY config_key")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Stores (or replaces) the override of {@code key}. */
  public void putOverride(String key, String value, Instant at, String source) {
    jdbc.withHandle("storing the override of " + key, h -> h.createUpdate(
        "MERGE INTO setting_override(config_key, config_value, set_at, source) KEY(config_key)"
            + " VALUES (:key, :value, :at, :source)")
        .bind("key", key).bind("value", value).bind("at", at).bind("source", source).execute());
  }

  /** Removes the override of {@code key}; true when there was one. */
  public boolean removeOverride(String key) {
    return jdbc.withHandle("removing the override of " + key, h -> h.createUpdate(
        "DELETE FROM setting_override WHERE config_key=:key").bind("key", key).execute()) > 0;
  }

  /** Removes every override; returns how many there were. */
  public int clearOverrides() {
    return jdbc.withHandle("removing the overrides", h -> h.createUpdate("DELETE FROM setting_override").execute());
  }

  /** Stores each switch of {@code switches} (a null value is stored as null: the switch is off or unset). */
  public void saveSwitches(Map<String, String> switches, Instant at) {
    switches.forEach((name, value) -> jdbc.withHandle("storing switch " + name, h -> h.createUpdate(
        "MERGE INTO control_switch(switch_name, switch_value, updated_at) KEY(switch_name) VALUES (:name, :value, :at)")
        .bind("name", name).bind("value", value).bind("at", at).execute()));
  }

  /** The stored switches by name (values may be null). */
  public Map<String, String> switches() {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.withHandle("reading the switches", h -> h.createQuery(
        "SELECT switch_name, switch_value FROM control_switch")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list())
        .forEach(e -> out.put(e[0], e[1]));
    return out;
  }

  /** Records an operator's decision on a held order. */
  public void approval(String ref, boolean approved, Instant at, String source) {
    jdbc.withHandle("storing the decision on " + ref, h -> h.createUpdate(
        "MERGE INTO approval(ref, decision, decided_at, source) KEY(ref) VALUES (:ref, :decision, :at, :source)")
        .bind("ref", ref).bind("decision", approved ? "APPROVED" : "REJECTED").bind("at", at)
        .bind("source", source).execute());
  }

  /** The decision on {@code ref}, if one was taken. */
  public Optional<String> approval(String ref) {
    return jdbc.withHandle("reading the decision on " + ref, h -> h.createQuery(
        "SELECT decision FROM approval WHERE ref=:ref").bind("ref", ref).map((rs, ctx) -> rs.getString(1))
        .list().stream().filter(java.util.Objects::nonNull).findFirst());
  }

  /** Every decision as {@code ref decision}, newest first, at most {@code n}. */
  public List<String> approvals(int n) {
    return jdbc.withHandle("reading the decisions", h -> h.createQuery(
        "SELECT ref, decision FROM approval ORDER BY decided_at DESC LIMIT :n").bind("n", n)
        .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).list());
  }
}
