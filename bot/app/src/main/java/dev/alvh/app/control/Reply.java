package dev.alvh.app.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one console command: whether it worked, the text a person reads, the same
 * facts as data for {@code --json}, and whether it waits for a confirmation.
 *
 * @param ok      true when the command did what was asked
 * @param text    what to print, one or more lines
 * @param data    the facts, for {@code --json}
 * @param confirm true when nothing was done because the command needs {@code --yes}
 */
public record Reply(boolean ok, String text, Map<String, Object> data, boolean confirm) {

  /** Copies the data. */
  public Reply {
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** A success with data. */
  public static Reply ok(String text, Map<String, Object> data) {
    return new Reply(true, text, data, false);
  }

  /** A success with only text. */
  public static Reply ok(String text) {
    return new Reply(true, text, Map.of(), false);
  }

  /** A refusal or failure. */
  public static Reply error(String text) {
    return new Reply(false, text, Map.of(), false);
  }

  /** Nothing done: the command needs a confirmation. */
  public static Reply needsConfirmation(String text) {
    return new Reply(false, text, Map.of(), true);
  }
}
