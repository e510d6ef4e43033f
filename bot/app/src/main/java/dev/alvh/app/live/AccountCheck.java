package dev.alvh.app.live;

import dev.alvh.app.config.LiveConfig;
import dev.alvh.ibkr.broker.IbkrBroker;
import java.util.List;
import java.util.Optional;

/**
 * Which account a run may trade, checked the moment TWS names its managed accounts and before
 * anything else is sent: {@code alvh paper --broker ibkr} trades only a paper account ({@code DU...});
 * {@code alvh live} only the live account named in {@code live.confirmAccount}.
 */
public final class AccountCheck {

  private AccountCheck() {
  }

  /** The account a session trades: {@code broker.ibkr.account}, else the first managed one. */
  public static String traded(List<String> managed, String configured) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return managed.isEmpty() ? "" : managed.get(0);
  }

  /**
   * Why {@code command} must not trade with these accounts, or empty when it may.
   *
   * @param live true for {@code alvh live}, false for {@code alvh paper --broker ibkr}
   */
  public static Optional<String> refusal(String command, boolean live, List<String> managed, String configured,
      String confirmAccount) {
    String acct = traded(managed, configured);
    if (!configured.isEmpty() && !managed.contains(configured)) {
      return Optional.of(command + ": broker.ibkr.account " + IbkrBroker.mask(configured)
          + " is not among the accounts TWS manages (" + String.join(", ", managed.stream().map(IbkrBroker::mask)
          .toList()) + "); nothing was sent");
    }
    if (acct.isEmpty()) {
      return Optional.of(command + ": TWS named no managed account; nothing was sent");
    }
    boolean paper = LiveConfig.isPaperAccount(acct);
    if (!live && !paper) {
      return Optional.of(command + ": TWS reports the live account " + IbkrBroker.mask(acct) + "; alvh paper trades"
          + " only a paper account (DU...); to trade it use alvh live with live.confirmAccount; nothing was sent");
    }
    if (live && paper) {
      return Optional.of(command + ": TWS reports the paper account " + IbkrBroker.mask(acct) + "; alvh live trades"
          + " only a live account (use alvh paper --broker ibkr for a paper account); nothing was sent");
    }
    if (live && !acct.equals(confirmAccount)) {
      return Optional.of(command + ": TWS reports the live account " + IbkrBroker.mask(acct)
          + " but live.confirmAccount is " + (confirmAccount.isEmpty() ? "not set" : IbkrBroker.mask(confirmAccount))
          + "; set live.confirmAccount to the account to trade; nothing was sent");
    }
    return Optional.empty();
  }
}
