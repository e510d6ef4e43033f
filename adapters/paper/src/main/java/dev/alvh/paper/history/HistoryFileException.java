package dev.alvh.paper.history;

/**
 * A history file that cannot be used at all (missing, empty, wrong header, no usable rows): the
 * replay stops with this message.
 */
public final class HistoryFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An unusable file, with the reason naming the file. */
  public HistoryFileException(String message) {
    super(message);
  }
}
