package dev.alvh.paper.history;

import java.time.LocalDate;

/**
 * One checked row of a daily OHLC file.
 *
 * @param date  the trading day
 * @param open  open
 * @param high  high, at least {@code low}
 * @param low   low
 * @param close close
 * @param line  the row's line number in its file
 */
public record OhlcRow(LocalDate date, double open, double high, double low, double close, int line) {
}
