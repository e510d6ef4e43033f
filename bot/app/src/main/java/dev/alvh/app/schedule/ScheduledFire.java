package dev.alvh.app.schedule;

import dev.alvh.core.Check;
import java.time.Instant;
import java.util.Comparator;

/**
 * One planned run of a job: when, and which kind.
 *
 * <p>Fires sort by time, then by {@link JobKind} order (PRE_OPEN, CYCLE, END_OF_DAY).
 *
 * @param at  the instant the job is due
 * @param kind  the job
 */
public record ScheduledFire(Instant at, JobKind kind) implements Comparable<ScheduledFire> {

  private static final Comparator<ScheduledFire> ORDER =
      Comparator.comparing(ScheduledFire::at).thenComparing(ScheduledFire::kind);

  /** Checks that both fields are set. */
  public ScheduledFire {
    Check.notNull(at, "at");
    Check.notNull(kind, "kind");
  }

  @Override
  public int compareTo(ScheduledFire other) {
    return ORDER.compare(this, other);
  }
}
