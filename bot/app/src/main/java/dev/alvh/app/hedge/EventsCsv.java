package dev.alvh.app.hedge;

import dev.alvh.core.signal.EventCalendar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the event calendar file ({@code hedge.desk.eventsFile}, default
 * {@code paper-config/events.csv}): FOMC decision days and CPI and PPI release days.
 *
 * <p>Format: a header line {@code date,kind,note}, then one event per line,
 * {@code YYYY-MM-DD,KIND[,note]} with KIND one of FOMC, CPI, PPI. Lines starting with {@code #}
 * and blank lines are skipped. Checked on load: every date parses, every kind is known, dates
 * ascend, and no date appears twice with the same kind. Any error names the file and the line.
 */
public final class EventsCsv {

  /** The kinds of event the calendar knows. */
  public static final List<String> KINDS = List.of("FOMC", "CPI", "PPI");

  private EventsCsv() {
  }

  /** One event of the file. */
  public record Event(LocalDate date, String kind, String note) {
  }

  /** The file could not be found, read or understood; the message names the file and line. */
  public static final class EventsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EventsFileException(String message) {
      super(message);
    }
  }

  /**
   * Finds {@code configured}: as given when absolute; otherwise against the working directory,
   * then against each directory above the bot's code (the checkout it runs from).
   *
   * @throws EventsFileException naming every place looked in when it is nowhere
   */
  public static Path resolve(String configured) {
    Path p = Path.of(configured);
    if (p.isAbsolute()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
      throw new EventsFileException("hedge.desk.eventsFile: '" + configured + "' does not exist");
    }
    List<Path> tried = new ArrayList<>();
    Path cwd = Path.of("").toAbsolutePath().resolve(p).normalize();
    tried.add(cwd);
    if (Files.isRegularFile(cwd)) {
      return cwd;
    }
    for (Path dir = codeLocation(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(p).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      tried.add(candidate);
    }
    throw new EventsFileException("hedge.desk.eventsFile: '" + configured + "' not found; looked in "
        + tried.get(0) + " and above the bot's code");
  }

  private static Path codeLocation() {
    try {
      return Path.of(EventsCsv.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Reads and checks {@code file}. */
  public static List<Event> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EventsFileException("events file " + file + " cannot be read: " + e.getMessage());
    }
    return parse(lines, file.toString());
  }

  /** Parses and checks {@code lines} of a file named {@code source} (for messages). */
  public static List<Event> parse(List<String> lines, String source) {
    List<Event> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean header = false;
    LocalDate last = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int no = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase("date,kind,note")) {
          throw error(source, no, "the header must be 'date,kind,note', but was '" + line + "'");
        }
        header = true;
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 2 || f.length > 3) {
        throw error(source, no, "must be 'YYYY-MM-DD,KIND[,note]', but was '" + line + "'");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(f[0].strip());
      } catch (DateTimeParseException e) {
        throw error(source, no, "date must be YYYY-MM-DD, but was '" + f[0].strip() + "'");
      }
      String kind = f[1].strip().toUpperCase(java.util.Locale.ROOT);
      if (!KINDS.contains(kind)) {
        throw error(source, no, "kind must be one of " + KINDS + ", but was '" + f[1].strip() + "'");
      }
      if (last != null && date.isBefore(last)) {
        throw error(source, no, "dates must ascend, but " + date + " comes after " + last);
      }
      if (!seen.add(date + kind)) {
        throw error(source, no, "duplicate event " + date + " " + kind);
      }
      last = date;
      out.add(new Event(date, kind, f.length == 3 ? f[2].strip() : ""));
    }
    if (!header) {
      throw error(source, lines.size(), "has no header line 'date,kind,note' and no events");
    }
    return out;
  }

  /** The calendar of {@code events}. */
  public static EventCalendar calendar(List<Event> events) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    events.forEach(e -> dates.add(e.date()));
    return new EventCalendar(dates);
  }

  /** The copy of the default events file inside the jar. */
  static final String BUNDLED = "/alvh/events.csv";

  /**
   * Resolves, reads and checks the configured file into a calendar. The default
   * ({@value dev.alvh.core.config.HedgeConfig.Desk#EVENTS_FILE}) falls back to the copy inside the
   * jar when it is not on disk (a jar copied without the checkout); any other file must exist.
   */
  public static EventCalendar load(String configured) {
    return calendar(events(configured));
  }

  /** The checked events of the configured file (see {@link #load}). */
  public static List<Event> events(String configured) {
    Path file;
    try {
      file = resolve(configured);
    } catch (EventsFileException e) {
      if (!dev.alvh.core.config.HedgeConfig.Desk.EVENTS_FILE.equals(configured)) {
        throw e;
      }
      try (java.io.InputStream in = EventsCsv.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw e;
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "jar:" + BUNDLED);
      } catch (IOException io) {
        throw new EventsFileException("the events file bundled in the jar cannot be read: " + io.getMessage());
      }
    }
    return read(file);
  }

  private static EventsFileException error(String source, int line, String message) {
    return new EventsFileException("events file " + source + " line " + line + ": " + message);
  }
}
