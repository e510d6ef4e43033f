package dev.alvh.app.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks IB account numbers so that logs and alerts never hold a full one: {@code U1234567}
 * becomes {@code U****567}, {@code DU7654321} becomes {@code DU****321}.
 *
 * <p>Used by the log layouts ({@link MaskingConverter}, {@link MaskingJsonEncoder}) on every
 * message, and by code that shows an account id anywhere else.
 */
public final class AccountMask {

  /** IB account ids: U (individual), DU (paper), F/DF (advisor), I (introducing broker), then digits. */
  static final Pattern ACCOUNT = Pattern.compile("\\b(DU|DF|U|F|I)(\\d{4,10})\\b");

  private AccountMask() {
  }

  /** {@code id} with all but its letters and its last three characters replaced by {@code *}. */
  public static String mask(String id) {
    if (id == null || id.isEmpty()) {
      return id;
    }
    int letters = 0;
    while (letters < id.length() && Character.isLetter(id.charAt(letters))) {
      letters++;
    }
    int keep = Math.min(3, Math.max(0, id.length() - letters - 1));
    int hidden = id.length() - letters - keep;
    return id.substring(0, letters) + "*".repeat(Math.max(hidden, 0)) + id.substring(id.length() - keep);
  }

  /** {@code text} with every account number in it masked. */
  public static String maskAll(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = ACCOUNT.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
