package dev.alvh.paper.market;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.OptionQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Quotes of SPX and SPXW options from outside the model (real option chains), which the
 * {@link SimulatedMarket} consults before pricing such an option itself. The market asks for
 * every SPX-class quote it gives (single quotes and each strike of a chain it builds), so an
 * overlay can count how many came from it and how many from the model. VIX options never pass
 * through it.
 */
public interface QuoteOverlay {

  /** No overlay: the model prices everything and lists its own strikes and expirations. */
  QuoteOverlay NONE = new QuoteOverlay() {
    @Override
    public Optional<OptionQuote> quote(OptionContract contract, Instant at) {
      return Optional.empty();
    }

    @Override
    public List<BigDecimal> strikes(String tradingClass, LocalDate expiry, Instant at) {
      return List.of();
    }

    @Override
    public List<LocalDate> expirations(String tradingClass, LocalDate day, List<LocalDate> model) {
      return model;
    }
  };

  /**
   * The quote of {@code contract} (trading class {@code SPXW} or {@code SPX}, not expired) at
   * {@code at}, or empty when the overlay has none and the model prices it.
   */
  Optional<OptionQuote> quote(OptionContract contract, Instant at);

  /**
   * Strikes of {@code tradingClass} and {@code expiry} that the overlay quotes at {@code at},
   * any order; the market lists them beside its own strike grid.
   */
  List<BigDecimal> strikes(String tradingClass, LocalDate expiry, Instant at);

  /**
   * The expirations of {@code tradingClass} listed on {@code day}, given the model's listing
   * {@code model} (ascending); returns {@code model} itself when the overlay knows nothing of
   * that day.
   */
  List<LocalDate> expirations(String tradingClass, LocalDate day, List<LocalDate> model);
}
