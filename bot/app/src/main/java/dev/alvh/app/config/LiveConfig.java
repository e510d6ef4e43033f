package dev.alvh.app.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * Trading a live IBKR account ({@code alvh live}); YAML group {@code live.*}.
 *
 * @param confirmAccount   the live account the bot may trade, exactly as TWS reports it (e.g.
 *                         {@code U1234567}); {@code alvh live} refuses to start when it is empty, when
 *                         TWS reports another account, or when the account is a paper one ({@code DU...})
 * @param maxInitMarginPct an opening order (condor entry, hedge layer, press spread) is previewed with
 *                         IB's what-if flag first and refused when the account's initial margin after it
 *                         would exceed this percent of net liquidation
 * @param approvalMode     true: every order waits for {@code alvh ctl approve REF} before it is sent
 *                         (the first weeks of a live account); the console's {@code approval on/off}
 *                         switches it while running
 */
public record LiveConfig(String confirmAccount, BigDecimal maxInitMarginPct, boolean approvalMode) {

  /** No account confirmed: {@code alvh live} refuses to start until one is set. */
  public static final String DEFAULT_CONFIRM_ACCOUNT = "";
  /**
   * Half of net liquidation: the condor book's risk budget ({@code condor.trancheRiskPct} times
   * {@code condor.maxOpenTranches}) plus the hedge stay well below it, and the other half is left to
   * absorb IB's overnight and expiration margin increases before a margin call.
   */
  public static final BigDecimal DEFAULT_MAX_INIT_MARGIN_PCT = new BigDecimal("50");
  /** Approval mode on: a new live account starts with every order waiting for a person. */
  public static final boolean DEFAULT_APPROVAL_MODE = true;

  /** The defaults. */
  public static final LiveConfig DEFAULTS =
      new LiveConfig(DEFAULT_CONFIRM_ACCOUNT, DEFAULT_MAX_INIT_MARGIN_PCT, DEFAULT_APPROVAL_MODE);

  /** Checks every field; messages name the full key. */
  public LiveConfig {
    Check.notNull(confirmAccount, "live.confirmAccount");
    Check.isTrue(confirmAccount.matches("[A-Za-z0-9]*"), "live.confirmAccount",
        "must be letters and digits only (an IB account id such as U1234567), but was '" + confirmAccount + "'");
    Check.inRange(maxInitMarginPct, BigDecimal.ONE, new BigDecimal("100"), "live.maxInitMarginPct");
  }

  /** IB's paper accounts start with {@code DU} (individual) or {@code DF} (advisor). */
  public static boolean isPaperAccount(String account) {
    return account != null && (account.startsWith("DU") || account.startsWith("DF"));
  }
}
