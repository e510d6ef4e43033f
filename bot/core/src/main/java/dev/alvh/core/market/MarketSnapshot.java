package dev.alvh.core.market;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the market looked like for one decision of a trading cycle, read from the market-data
 * port before the decision and never changed after: the index levels, the listed expiries, the
 * chains and single quotes the decision reads (each with the time it was quoted), the VX curve
 * points and at-the-money vols it reads.
 *
 * <p>The decisions of the core ({@code TradingCycle.decide}, {@code HedgePlanner.plan}) read the
 * market only through a snapshot and call no port. A datum the decision asks for and the snapshot
 * does not hold ends the decision with {@link Missing}, naming it: the caller reads that datum from
 * the port, adds it ({@link #with}) and decides again over the larger snapshot, so that the
 * snapshot holds exactly what the decision reads (nothing is quoted that the decision does not
 * need) and the decision is a function of the snapshot alone.
 *
 * <p>A datum read and found absent (a series not quoted, no VX future for a date) is held as
 * absent: the decision sees it as the port answered it.
 */
public final class MarketSnapshot {

  /** One datum of the market a decision can ask for. */
  public sealed interface Request permits Quote, Chain, Expirations, Vx, AtmVol {
  }

  /** The quote of one series. */
  public record Quote(OptionContract contract) implements Request {
    /** Checks the contract. */
    public Quote {
      Check.notNull(contract, "contract");
    }
  }

  /** The quoted chain of one trading class and expiry. */
  public record Chain(String tradingClass, LocalDate expiry) implements Request {
    /** Checks both fields. */
    public Chain {
      Check.notBlank(tradingClass, "tradingClass");
      Check.notNull(expiry, "expiry");
    }
  }

  /** The listed expiries of one trading class. */
  public record Expirations(String tradingClass) implements Request {
    /** Checks the class. */
    public Expirations {
      Check.notBlank(tradingClass, "tradingClass");
    }
  }

  /** The VX future of one VIX expiry (a point of the VX curve). */
  public record Vx(LocalDate expiry) implements Request {
    /** Checks the expiry. */
    public Vx {
      Check.notNull(expiry, "expiry");
    }
  }

  /** The at-the-money implied vol of one expiry ({@code MarketData.atmVol}). */
  public record AtmVol(String tradingClass, LocalDate expiry) implements Request {
    /** Checks both fields. */
    public AtmVol {
      Check.notBlank(tradingClass, "tradingClass");
      Check.notNull(expiry, "expiry");
    }
  }

  /**
   * Thrown by a snapshot asked for a datum it does not hold: the decision is incomplete and its
   * caller reads {@link #request()} from the port, then decides again. Not an
   * {@link IllegalArgumentException}: callers that catch those for bad input must not catch it.
   */
  public static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Request request;

    /** The snapshot does not hold {@code request}. */
    public Missing(Request request) {
      super(null, null, false, false);
      this.request = request;
    }

    /** Says which datum is missing (built when asked: decisions end with this often). */
    @Override
    public String getMessage() {
      return "the market snapshot does not hold " + request;
    }

    /** The datum asked for. */
    public Request request() {
      return request;
    }
  }

  /** A quote with the time it was quoted. */
  public record TimedQuote(Optional<OptionQuote> quote, Instant time) {
    /** Checks both fields. */
    public TimedQuote {
      Check.notNull(quote, "quote");
      Check.notNull(time, "time");
    }
  }

  private final Instant asOf;
  private final IndexLevels indices;
  private final Map<Request, Object> data;

  private MarketSnapshot(Instant asOf, IndexLevels indices, Map<Request, Object> data) {
    this.asOf = asOf;
    this.indices = indices;
    this.data = data;
  }

  /** A snapshot taken at {@code asOf} holding the index levels alone. */
  public static MarketSnapshot of(Instant asOf, IndexLevels indices) {
    return new MarketSnapshot(Check.notNull(asOf, "asOf"), Check.notNull(indices, "indices"), Map.of());
  }

  /**
   * This snapshot and {@code value} for {@code request}: an {@link Optional} of {@link OptionQuote}
   * or a {@link TimedQuote} for a {@link Quote}, an {@link OptionChain} for a {@link Chain}, a list of
   * dates for {@link Expirations}, an {@link OptionalDouble} for {@link Vx} and {@link AtmVol}.
   *
   * @throws IllegalArgumentException when {@code value} is not of the request's type
   */
  public MarketSnapshot with(Request request, Object value) {
    return with(Map.of(request, value));
  }

  /**
   * This snapshot and every datum of {@code more} (request to value, typed as for
   * {@link #with(Request, Object)}).
   */
  public MarketSnapshot with(Map<? extends Request, ?> more) {
    Map<Request, Object> all = new HashMap<>(data);
    more.forEach((r, v) -> all.put(Check.notNull(r, "request"), checked(r, v)));
    return new MarketSnapshot(asOf, indices, java.util.Collections.unmodifiableMap(all));
  }

  private Object checked(Request request, Object value) {
    if (request instanceof Quote) {
      return value instanceof TimedQuote t ? t : new TimedQuote(cast(value, Optional.class, request), asOf);
    }
    if (request instanceof Chain) {
      return cast(value, OptionChain.class, request);
    }
    if (request instanceof Expirations) {
      return List.copyOf(cast(value, List.class, request));
    }
    return cast(value, OptionalDouble.class, request);
  }

  private static <T> T cast(Object value, Class<T> type, Request request) {
    if (!type.isInstance(value)) { // the message only when it is needed: a chain prints every quote
      Check.isTrue(false, "value", "must be a " + type.getSimpleName() + " for " + request + ", but was " + value);
    }
    return type.cast(value);
  }

  /** When the snapshot was taken. */
  public Instant asOf() {
    return asOf;
  }

  /** SPX, VIX and VIX3M (with the time they were observed). */
  public IndexLevels indices() {
    return indices;
  }

  /** Whether the snapshot holds {@code request}. */
  public boolean holds(Request request) {
    return data.containsKey(request);
  }

  /** How many data (quotes, chains, expiry lists, curve points, vols) the snapshot holds. */
  public int size() {
    return data.size();
  }

  /** Listed expirations of {@code tradingClass}, ascending, as the port listed them. */
  @SuppressWarnings("unchecked")
  public List<LocalDate> expirations(String tradingClass) {
    return (List<LocalDate>) get(new Expirations(tradingClass));
  }

  /** The quoted chain of one expiry. */
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    return (OptionChain) get(new Chain(tradingClass, expiry));
  }

  /** The quote of one series; empty when it is not listed or not quoted. */
  public Optional<OptionQuote> quote(OptionContract contract) {
    return timedQuote(contract).quote();
  }

  /** The quote of one series with the time it was quoted. */
  public TimedQuote timedQuote(OptionContract contract) {
    return (TimedQuote) get(new Quote(contract));
  }

  /** The VX future of {@code expiry}, VIX points; empty when the source has none. */
  public OptionalDouble vxFuture(LocalDate expiry) {
    return (OptionalDouble) get(new Vx(expiry));
  }

  /** The at-the-money vol (a fraction) of one expiry; empty when none is quoted. */
  public OptionalDouble atmVol(String tradingClass, LocalDate expiry) {
    return (OptionalDouble) get(new AtmVol(tradingClass, expiry));
  }

  private Object get(Request r) {
    Object v = data.get(r);
    if (v == null) {
      throw new Missing(r);
    }
    return v;
  }

  @Override
  public String toString() {
    return "MarketSnapshot[" + asOf + ", " + indices + ", " + data.size() + " data]";
  }
}
