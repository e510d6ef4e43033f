package dev.alvh.app.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg} in logback patterns: the formatted message with account numbers masked. */
public final class MaskingConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return AccountMask.maskAll(event.getFormattedMessage());
  }
}
