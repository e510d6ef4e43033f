package dev.alvh.app.ops;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * The log file's encoder: one masked JSON object a line when {@code json} is true (logback's
 * JsonEncoder), otherwise a masked text line in {@code pattern}.
 *
 * <p>It exists so that {@code logback.xml} chooses the layout with a property instead of an
 * {@code <if>} nested in the appender, which logback refuses with a warning printed on standard
 * output (where it would corrupt {@code --json} output).
 */
public final class FileLogEncoder extends EncoderBase<ILoggingEvent> {

  private boolean json;
  private String pattern = "%d{yyyy-MM-dd HH:mm:ss.SSS XXX} %-5level [%thread] %logger{30} - %msg%n";
  private Encoder<ILoggingEvent> delegate;

  /** True: JSON lines; false (the default): text lines. */
  public void setJson(boolean json) {
    this.json = json;
  }

  /** The text layout's pattern (ignored for JSON). */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    if (json) {
      MaskingJsonEncoder e = new MaskingJsonEncoder();
      e.setContext(getContext());
      e.start();
      delegate = e;
    } else {
      PatternLayoutEncoder e = new PatternLayoutEncoder();
      e.setContext(getContext());
      e.setPattern(pattern);
      e.setCharset(StandardCharsets.UTF_8);
      e.start();
      delegate = e;
    }
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line = delegate.encode(event);
    if (json) {
      return line;
    }
    return AccountMask.maskAll(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
