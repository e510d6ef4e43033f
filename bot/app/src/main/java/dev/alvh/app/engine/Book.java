package dev.alvh.app.engine;

import dev.alvh.core.EnumKeys;

/**
 * Which hedge a book runs. Replay runs the four side by side on the same market with the same
 * condor rules; paper and live run {@link #ALVH}. Its {@link #key()} names it in summaries and
 * file names: the name in lower case, e.g. {@code unhedged}.
 */
public enum Book implements EnumKeys.CamelCase {
  /** The full Adaptive Layered VIX Hedge (docs/strategy.md section 4). */
  ALVH,
  /** Condors only, no hedge. */
  UNHEDGED,
  /** Layers keyed to VIX level alone (16/20/26), the rigid baseline of section 4, plus the base layer. */
  RIGID,
  /** The standing base layer alone (a static VIX-call tail hedge), no adaptive layers. */
  BASE
}
