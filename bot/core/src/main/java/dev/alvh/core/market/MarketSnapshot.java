package dev.alvh.core.market;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the market looked like for one trading cycle: index levels and the SPX option chains
 * the cycle needs (the entry window and the expiries of open tranches).
 *
 * @param indices   SPX, VIX and VIX3M levels
 * @param spxChains SPXW chains by expiry
 */
public record MarketSnapshot(IndexLevels indices, Map<LocalDate, OptionChain> spxChains) {

  /** Checks every field; the chains are kept sorted by expiry. */
  public MarketSnapshot {
    Check.notNull(indices, "indices");
    spxChains = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(spxChains));
  }

  /** The chain of one expiry, if loaded. */
  public Optional<OptionChain> spxChain(LocalDate expiry) {
    return Optional.ofNullable(spxChains.get(expiry));
  }
}
