package dev.alvh.app.cli;

import dev.alvh.app.config.BrokerConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.session.TwsRequestException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code alvh ibkr-check} and {@code alvh live --check} share: the IBKR connection they open
 * (the configuration's broker with the command line's host, port and client id over it:
 * {@link TwsOptions#broker}) and their output, one {@code label value} line per check, any
 * failure making the exit 1.
 */
final class TwsCheck {

  /** One check's answer, or a RuntimeException saying why there is none. */
  interface Part {
    String get();
  }

  private final PrintStream out;
  private boolean failed;

  TwsCheck(PrintStream out) {
    this.out = out;
  }

  /** Connects to {@code broker}; when TWS cannot be reached, hands the reason to {@code refused} and is empty. */
  static Optional<IbkrAdapter> connect(BrokerConfig broker, Clock clock, Consumer<String> refused) {
    try {
      return Optional.of(IbkrAdapter.connect(broker.host(), broker.port(), broker.clientId(), broker.ibkr(), clock));
    } catch (TwsRequestException e) {
      refused.accept(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Prints {@code label} and what {@code p} answers; an answer starting {@code FIX} fails the check,
   * and so does an exception, printed as {@code errorPrefix} and its message.
   */
  void part(String label, Part p, String errorPrefix) {
    try {
      String v = p.get();
      if (v.startsWith("FIX")) {
        failed = true;
      }
      line(label, v);
    } catch (RuntimeException e) {
      failed = true;
      line(label, errorPrefix + e.getMessage());
    }
  }

  /** Prints one {@code label value} line. */
  void line(String label, String value) {
    out.printf(Locale.ROOT, "%-17s %s%n", label, value);
  }

  /** Marks the check failed (exit 1). */
  void fail() {
    failed = true;
  }

  /** Whether any part failed. */
  boolean failed() {
    return failed;
  }
}
