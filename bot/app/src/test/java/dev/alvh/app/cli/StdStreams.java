package dev.alvh.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} and {@code System.err} around each test of the command lines and
 * restores them afterwards. Use as {@code @RegisterExtension final StdStreams io = new StdStreams();}.
 */
final class StdStreams implements BeforeEachCallback, AfterEachCallback {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  /** What was printed on standard output so far. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was printed on standard error so far. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what standard output has captured. */
  void resetOut() {
    out.reset();
  }

  /** Forgets what standard error has captured. */
  void resetErr() {
    err.reset();
  }
}
