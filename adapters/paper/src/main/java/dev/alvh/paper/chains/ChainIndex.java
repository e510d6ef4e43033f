package dev.alvh.paper.chains;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Real option quotes by quote date, root ({@code SPX} or {@code SPXW}), expiration, strike and
 * right, as read by {@link ChainFiles}. Read-only once loaded, so the replay's books share one.
 */
public final class ChainIndex {

  /** An index without quotes: every option is priced by the model. */
  public static final ChainIndex EMPTY = new ChainIndex(new TreeMap<>());

  private final NavigableMap<LocalDate, Map<String, NavigableMap<LocalDate, ExpiryChain>>> days;

  ChainIndex(NavigableMap<LocalDate, Map<String, NavigableMap<LocalDate, ExpiryChain>>> days) {
    this.days = days;
  }

  /** A builder's store of chains, filled by the loader. */
  static NavigableMap<LocalDate, Map<String, NavigableMap<LocalDate, ExpiryChain>>> newStore() {
    return new TreeMap<>();
  }

  /** The chain of {@code root} and {@code expiry} on {@code quoteDate}, created empty if missing. */
  static ExpiryChain chainIn(NavigableMap<LocalDate, Map<String, NavigableMap<LocalDate, ExpiryChain>>> store,
      LocalDate quoteDate, String root, LocalDate expiry) {
    return store.computeIfAbsent(quoteDate, d -> new HashMap<>())
        .computeIfAbsent(root, r -> new TreeMap<>())
        .computeIfAbsent(expiry, e -> new ExpiryChain(quoteDate, root, expiry));
  }

  /** The quote dates, ascending. */
  public NavigableSet<LocalDate> dates() {
    return Collections.unmodifiableNavigableSet(days.navigableKeySet());
  }

  /** True when the files have quotes of {@code date}. */
  public boolean has(LocalDate date) {
    return days.containsKey(date);
  }

  /** The chains of {@code root} on {@code date} by expiration (empty when there are none). */
  public NavigableMap<LocalDate, ExpiryChain> expiries(LocalDate date, String root) {
    Map<String, NavigableMap<LocalDate, ExpiryChain>> d = days.get(date);
    NavigableMap<LocalDate, ExpiryChain> r = d == null ? null : d.get(root);
    return r == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(r);
  }

  /** The chain of {@code root} and {@code expiry} on {@code date}, if the files have it. */
  public Optional<ExpiryChain> chain(LocalDate date, String root, LocalDate expiry) {
    return Optional.ofNullable(expiries(date, root).get(expiry));
  }

  /** Quotes held, all dates. */
  public long size() {
    long n = 0;
    for (Map<String, NavigableMap<LocalDate, ExpiryChain>> d : days.values()) {
      for (NavigableMap<LocalDate, ExpiryChain> r : d.values()) {
        for (ExpiryChain c : r.values()) {
          n += c.size();
        }
      }
    }
    return n;
  }
}
