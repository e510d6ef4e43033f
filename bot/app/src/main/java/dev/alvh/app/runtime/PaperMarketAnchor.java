package dev.alvh.app.runtime;

import dev.alvh.app.store.Jdbc;
import dev.alvh.app.store.PaperMarketRepository;
import dev.alvh.core.Check;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SyntheticHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the synthetic market of a paper bot's data directory is anchored: the first calendar day
 * of its history, the seed, SPX on the first day, and the trading days of one generated segment.
 * The first start of a data directory stores it (table {@code paper_market}, migration V8); every
 * later start reuses it, so the same instant has the same prices after a restart, on whatever day
 * the bot restarts, and the paper account's positions are marked on the market they were traded
 * on.
 *
 * <p>A {@code market.seed} or {@code market.startSpx} in the configuration that differs from the
 * stored anchor is logged once at start (WARN, both values named) and the stored anchor is kept:
 * the account was made on it. A new market needs a new data directory.
 *
 * <p>The history is the {@code two-cycles} scenario from the anchor's start for its {@code days};
 * when a bot runs past its end, the next segment continues it (the scenario again, from the next
 * calendar day, SPX from the last close, the seed moved by the segment's number), so a longer run
 * never changes the days already generated. VIX restarts from its calm level at a segment's
 * start.
 *
 * @param start    first calendar day of the history
 * @param seed     the generator's seed
 * @param startSpx SPX on the first day
 * @param days     trading days of one segment, at least 60
 */
public record PaperMarketAnchor(LocalDate start, long seed, double startSpx, int days) {

  private static final Logger LOG = LoggerFactory.getLogger(PaperMarketAnchor.class);
  /** Mixes the segment number into the seed of each continuation segment. */
  private static final long SEGMENT_SEED_STEP = 0x9E3779B97F4A7C15L;

  /** Checks every field. */
  public PaperMarketAnchor {
    Check.notNull(start, "start");
    Check.positive(startSpx, "startSpx");
    Check.inRange(days, 60, 20_000, "days");
  }

  /**
   * The latest market time the books of the data directory {@code dir} record (orders, fills,
   * decisions, the hedge's context, the switches saved at a stop, the paper account), if any: where
   * the market clock of a restarted {@code --speed N} bot resumes. Opens and closes the store.
   *
   * @throws dev.alvh.app.store.StoreException when the database cannot be opened
   */
  public static Optional<java.time.Instant> lastMarketTime(java.nio.file.Path dir, String database) {
    try (dev.alvh.app.store.Store s = dev.alvh.app.store.Store.open(dir, database)) {
      return new PaperMarketRepository(s.jdbc()).lastMarketTime();
    }
  }

  /**
   * The anchor stored in {@code jdbc}'s database, if any.
   */
  public static Optional<PaperMarketAnchor> stored(Jdbc jdbc) {
    return new PaperMarketRepository(jdbc).stored()
        .map(a -> new PaperMarketAnchor(a.start(), a.seed(), a.startSpx(), a.days()));
  }

  /**
   * The anchor of the data directory whose database is {@code jdbc}: the stored one (a configured
   * seed or start level that differs is logged, see the class doc), else {@code fresh}, stored now.
   *
   * @param fresh the anchor a first start uses: today's history window and the configured market
   * @param now   the bot's clock, for {@code created_at}
   */
  public static PaperMarketAnchor resolve(Jdbc jdbc, PaperMarketAnchor fresh, Instant now) {
    Optional<PaperMarketAnchor> saved = stored(jdbc);
    if (saved.isEmpty()) {
      new PaperMarketRepository(jdbc).store(new PaperMarketRepository.Anchor(fresh.start(), fresh.seed(),
          fresh.startSpx(), fresh.days()), now);
      LOG.info("paper market anchored: two-cycles from {}, market.seed {}, market.startSpx {}, {} trading days a"
          + " segment; stored, so every restart of this data directory trades on the same market", fresh.start(),
          fresh.seed(), fresh.startSpx(), fresh.days());
      return fresh;
    }
    PaperMarketAnchor a = saved.get();
    mismatch(a, fresh).ifPresent(LOG::warn);
    LOG.info("paper market: the stored anchor, two-cycles from {}, seed {}, startSpx {}", a.start(), a.seed(),
        a.startSpx());
    return a;
  }

  /**
   * The warning a start gives when the configured market differs from the stored anchor
   * {@code stored}, naming both values of each key that differs; empty when they agree.
   */
  public static Optional<String> mismatch(PaperMarketAnchor stored, PaperMarketAnchor configured) {
    List<String> diffs = new ArrayList<>();
    if (stored.seed() != configured.seed()) {
      diffs.add("market.seed " + configured.seed() + " in the configuration differs from " + stored.seed());
    }
    if (Double.compare(stored.startSpx(), configured.startSpx()) != 0) {
      diffs.add("market.startSpx " + configured.startSpx() + " in the configuration differs from "
          + stored.startSpx());
    }
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("; ", diffs) + ", the value this data directory's paper account was made on"
        + " (table paper_market): keeping the stored market so the open positions stay on the market they were"
        + " traded on; to trade on a new market, start with a new --data-dir");
  }

  /**
   * The daily bars from {@code start}: the first segment, then as many continuation segments as
   * it takes to have at least {@code daysAfter} trading days after {@code today}.
   */
  public List<DailyBar> bars(LocalDate today, int daysAfter, Predicate<LocalDate> tradingDay) {
    Check.notNull(today, "today");
    Check.notNegative(daysAfter, "daysAfter");
    List<DailyBar> out = new ArrayList<>(SyntheticHistory.twoCycles(seed, start, days, startSpx, tradingDay));
    for (long segment = 1; out.stream().filter(b -> b.date().isAfter(today)).count() < daysAfter; segment++) {
      DailyBar last = out.get(out.size() - 1);
      out.addAll(SyntheticHistory.twoCycles(seed + segment * SEGMENT_SEED_STEP, last.date().plusDays(1), days,
          last.spxClose(), tradingDay));
    }
    return List.copyOf(out);
  }
}
