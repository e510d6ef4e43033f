package dev.alvh.app.cli;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.paper.history.HistoryFileException;
import dev.alvh.paper.history.HistoryLoader;
import dev.alvh.paper.history.LoadedHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What the replaying commands (replay, sweep) read from their options the same way, and how they refuse. */
final class CliInputs {

  private CliInputs() {
  }

  /** Prints {@code command: message} on stderr; returns 2, the exit code of bad options. */
  static int usage(String command, String message) {
    System.err.println(command + ": " + message);
    return 2;
  }

  /** The daily history in {@code dir}, its days kept to the exchange's trading days. */
  static LoadedHistory history(NyseCalendar cal, Path dir) throws HistoryFileException {
    return new HistoryLoader(cal::isTradingDay).load(dir);
  }

  /**
   * {@code text} as a date, null when it is null.
   *
   * @throws IllegalArgumentException naming {@code option} when it is no YYYY-MM-DD date
   */
  static LocalDate date(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a date YYYY-MM-DD, but was '" + text + "'");
    }
  }
}
