package dev.alvh.app.cli;

import dev.alvh.app.live.TwsDownWatch;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The TWS side of starting a bot on IBKR: waiting for TWS when it is not up yet, and after the
 * start, alerts on the connection and a reconciliation on every reconnect.
 */
final class TwsStart {

  private TwsStart() {
  }

  /**
   * Connects to TWS, or, when it is not up yet (an unattended start before TWS or during its
   * restart), keeps trying in the background with exponential backoff, says so once, and alerts
   * after {@code broker.ibkr.alertAfterMinutes} (then hourly) until it is up.
   *
   * @param name the command's name in messages
   * @return null when connected, else the exit code (2: the account was refused)
   */
  static Integer await(String name, IbkrAdapter ib, BotConfig cfg, Clock clock, TwsDownWatch watch) {
    boolean now;
    try {
      now = ib.session().connectOrKeepTrying();
    } catch (TwsRequestException e) {
      return refusedOrFailed(name, e);
    }
    if (now) {
      return null;
    }
    System.out.println(name + ": TWS at " + cfg.broker().host() + ":" + cfg.broker().port() + " is not up yet;"
        + " trying again with exponential backoff (up to " + cfg.broker().ibkr().reconnectMaxSeconds()
        + " s apart), alerting after " + cfg.broker().ibkr().alertAfterMinutes() + " min (broker.ibkr.alertAfterMinutes)");
    System.out.flush();
    Alerter early = new Alerter(cfg.alerts(), clock);
    watch.alerter(early);
    try {
      while (true) {
        try {
          ib.session().firstReady().get(TwsDownWatch.CHECK_SECONDS, TimeUnit.SECONDS);
          return null;
        } catch (TimeoutException e) {
          watch.check();
        } catch (ExecutionException e) {
          return e.getCause() instanceof TwsRequestException t ? refusedOrFailed(name, t)
              : refusedOrFailed(name, new TwsRequestException(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
      }
    } finally {
      early.close();
    }
  }

  private static int refusedOrFailed(String name, TwsRequestException e) {
    if (e.code() == TwsRequestException.ACCOUNT_REFUSED) {
      System.err.println(e.getMessage());
      return 2;
    }
    System.err.println(name + ": " + e.getMessage());
    return 1;
  }

  /** From now on: the connection's changes go to {@code alerter}; a reconnect reconciles {@code bot} again. */
  static void followConnection(IbkrAdapter ib, Bot bot, Alerter alerter) {
    ib.session().addListener(new TwsSession.Listener() {
      @Override
      public void onConnected(TwsSession session, boolean reconnect) {
        alerter.connectionChanged(true);
        if (reconnect) {
          bot.metrics().reconnected();
          bot.reconcile();
        }
      }

      @Override
      public void onDisconnected(String reason) {
        try {
          alerter.connectionChanged(false);
        } catch (RejectedExecutionException e) {
          // a clean stop: the alerter stops before the broker disconnects; nothing to alert
        }
      }
    });
  }
}
