package dev.alvh.app.ops;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Logback's {@link JsonEncoder} (one JSON object a line) with account numbers masked everywhere
 * in the line: message, arguments, MDC and exception text alike.
 */
public final class MaskingJsonEncoder extends JsonEncoder {

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = new String(super.encode(event), StandardCharsets.UTF_8);
    return AccountMask.maskAll(line).getBytes(StandardCharsets.UTF_8);
  }
}
