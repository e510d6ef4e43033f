package dev.alvh.app.schedule;

import dev.alvh.core.Check;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.quartz.impl.calendar.BaseCalendar;

/**
 * A Quartz calendar that includes NYSE trading days only and, optionally, only the hours before
 * the close of an early-close day.
 *
 * <p>Two instances serve the schedule: the trading-days calendar (pre-open and end-of-day jobs
 * run on every trading day) and the cycle calendar, which also excludes times at or after the
 * early close, so that cycles on the day after Thanksgiving run 09:45 to 12:45.
 *
 * <p>Quartz's JDBC job store serializes calendars, so this class keeps only serializable
 * settings (zone id, early close, extra closures) and rebuilds its {@link NyseCalendar} after
 * deserialization.
 */
public final class TradingHoursCalendar extends BaseCalendar {

  private static final long serialVersionUID = 1L;
  /** How far {@link #getNextIncludedTime} looks ahead before giving up, in days. */
  private static final int MAX_DAYS_AHEAD = 3660;

  private final String zone;
  private final LocalTime earlyClose;
  private final ArrayList<LocalDate> extraClosures;
  private final boolean excludeFromEarlyClose;
  private transient ZoneId zoneId;
  private transient NyseCalendar nyse;

  /**
   * Creates the calendar.
   *
   * @param zone  the exchange time zone id
   * @param earlyClose  the close on early-close days
   * @param extraClosures  full-day closures in addition to the holiday library's
   * @param excludeFromEarlyClose  true to exclude times at or after the early close on early-close days
   */
  public TradingHoursCalendar(String zone, LocalTime earlyClose, List<LocalDate> extraClosures,
      boolean excludeFromEarlyClose) {
    super(TimeZone.getTimeZone(ZoneId.of(Check.notNull(zone, "zone"))));
    this.zone = zone;
    this.earlyClose = Check.notNull(earlyClose, "earlyClose");
    this.extraClosures = new ArrayList<>(Check.notNull(extraClosures, "extraClosures"));
    this.excludeFromEarlyClose = excludeFromEarlyClose;
    init();
  }

  private void init() {
    zoneId = ZoneId.of(zone);
    nyse = new NyseCalendar(extraClosures, earlyClose);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  /** Returns the trading calendar this Quartz calendar asks. */
  public NyseCalendar nyse() {
    return nyse;
  }

  @Override
  public boolean isTimeIncluded(long timeStamp) {
    if (!super.isTimeIncluded(timeStamp)) {
      return false;
    }
    ZonedDateTime time = Instant.ofEpochMilli(timeStamp).atZone(zoneId);
    LocalDate date = time.toLocalDate();
    if (!nyse.isTradingDay(date)) {
      return false;
    }
    return !(excludeFromEarlyClose && nyse.isEarlyClose(date) && !time.toLocalTime().isBefore(earlyClose));
  }

  /**
   * Returns {@code timeStamp} if it is included, else the first included instant after it (the
   * start of the next trading day), or 0 if none is found within ten years.
   */
  @Override
  public long getNextIncludedTime(long timeStamp) {
    long candidate = timeStamp;
    for (int i = 0; i < MAX_DAYS_AHEAD; i++) {
      if (isTimeIncluded(candidate)) {
        return candidate;
      }
      LocalDate nextDay = Instant.ofEpochMilli(candidate).atZone(zoneId).toLocalDate().plusDays(1);
      candidate = nextDay.atStartOfDay(zoneId).toInstant().toEpochMilli();
    }
    return 0L;
  }
}
