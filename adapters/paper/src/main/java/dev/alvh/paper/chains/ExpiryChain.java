package dev.alvh.paper.chains;

import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The real quotes of one root (SPX or SPXW) and expiration on one quote date, by strike and
 * right. Filled while loading, read-only afterwards.
 */
public final class ExpiryChain {

  private final LocalDate quoteDate;
  private final String root;
  private final LocalDate expiry;
  private final NavigableMap<BigDecimal, ChainQuote> calls = new TreeMap<>();
  private final NavigableMap<BigDecimal, ChainQuote> puts = new TreeMap<>();

  ExpiryChain(LocalDate quoteDate, String root, LocalDate expiry) {
    this.quoteDate = quoteDate;
    this.root = root;
    this.expiry = expiry;
  }

  /** Adds {@code q}; returns the quote already there for its strike and right, if any (then nothing is added). */
  ChainQuote add(ChainQuote q) {
    return (q.right() == OptionRight.CALL ? calls : puts).putIfAbsent(q.strike(), q);
  }

  /** The quote date. */
  public LocalDate quoteDate() {
    return quoteDate;
  }

  /** {@code SPX} or {@code SPXW}. */
  public String root() {
    return root;
  }

  /** The expiration date. */
  public LocalDate expiry() {
    return expiry;
  }

  /** The quote of {@code strike} and {@code right}, if the file has it. */
  public Optional<ChainQuote> find(BigDecimal strike, OptionRight right) {
    return Optional.ofNullable((right == OptionRight.CALL ? calls : puts).get(strike));
  }

  /** The quotes of one right, ascending by strike. */
  public NavigableMap<BigDecimal, ChainQuote> of(OptionRight right) {
    return Collections.unmodifiableNavigableMap(right == OptionRight.CALL ? calls : puts);
  }

  /** Every strike with a call or a put quote, ascending. */
  public List<BigDecimal> strikes() {
    TreeSet<BigDecimal> s = new TreeSet<>(calls.keySet());
    s.addAll(puts.keySet());
    return new ArrayList<>(s);
  }

  /** Quotes held (calls and puts). */
  public int size() {
    return calls.size() + puts.size();
  }

  /** The underlying level of the file for this chain (its first quote's). */
  public double underlying() {
    ChainQuote q = !calls.isEmpty() ? calls.firstEntry().getValue() : puts.firstEntry().getValue();
    return q.underlying();
  }
}
