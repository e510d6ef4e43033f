package dev.alvh.app.engine;

/**
 * Which hedge a book runs. Replay runs the four side by side on the same market with the same
 * condor rules; paper and live run {@link #ALVH}.
 */
public enum Book {
  /** The full Adaptive Layered VIX Hedge (docs/strategy.md section 4). */
  ALVH("alvh"),
  /** Condors only, no hedge. */
  UNHEDGED("unhedged"),
  /** Layers keyed to VIX level alone (16/20/26), the rigid baseline of section 4, plus the base layer. */
  RIGID("rigid"),
  /** The standing base layer alone (a static VIX-call tail hedge), no adaptive layers. */
  BASE("base");

  private final String key;

  Book(String key) {
    this.key = key;
  }

  /** The book's key in summaries and file names. */
  public String key() {
    return key;
  }
}
