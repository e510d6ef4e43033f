package dev.alvh.app.ops;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own status messages: warnings and errors on standard error, nothing else.
 *
 * <p>Logback's built-in console listeners print every status, including the INFO lines of each
 * (re)configuration; without any listener it prints warnings on standard output, where they
 * would corrupt JSON output.
 */
public final class StderrWarningStatusListener implements StatusListener {

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() >= Status.WARN) {
      System.err.println("logging: " + status);
    }
  }
}
