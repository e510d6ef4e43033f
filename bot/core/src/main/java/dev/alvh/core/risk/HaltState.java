package dev.alvh.core.risk;

import dev.alvh.core.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the bot is halted, why and since when; a value the application stores so that a halt
 * survives a restart until a person releases it.
 *
 * @param halted true while halted
 * @param reason why (the limit and its values), empty when not halted
 * @param since  when the halt began, empty when not halted
 */
public record HaltState(boolean halted, String reason, Optional<Instant> since) {

  /** Not halted. */
  public static final HaltState RUNNING = new HaltState(false, "", Optional.empty());

  /** Checks the fields: a halt has a reason and a start. */
  public HaltState {
    Check.notNull(reason, "reason");
    Check.notNull(since, "since");
    Check.isTrue(!halted || (!reason.isBlank() && since.isPresent()), "halt", "needs a reason and a start time");
  }

  /** Halted at {@code at} because of {@code reason}. */
  public static HaltState halted(String reason, Instant at) {
    return new HaltState(true, reason, Optional.of(Check.notNull(at, "at")));
  }
}
