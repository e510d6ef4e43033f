package dev.alvh.paper.history;

/**
 * A row of a history file that was left out, or filled in and kept (a VX row with one contract
 * missing), and why.
 *
 * @param file   the file's name, for example {@code vix.csv}
 * @param line   the 1-based line number in the file (the header is line 1)
 * @param reason what is wrong, naming the bad value
 */
public record BadRow(String file, int line, String reason) {

  @Override
  public String toString() {
    return file + " line " + line + ": " + reason;
  }
}
