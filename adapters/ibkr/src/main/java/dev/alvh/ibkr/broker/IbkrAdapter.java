package dev.alvh.ibkr.broker;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.session.TwsSession;

/**
 * The IBKR adapter assembled from {@code broker.host}, {@code broker.port}, {@code broker.clientId}
 * and {@code broker.ibkr.*}: one {@link TwsSession}, the
 * {@link IbkrBroker} and the {@link IbkrMarketData} over it. This is what the runtime builds for
 * {@code --broker ibkr}:
 *
 * <pre>{@code
 * IbkrAdapter ib = IbkrAdapter.connect(host, port, clientId, ibkrConfig, clock);   // blocks until ready
 * Broker broker = ib.broker();
 * MarketData market = ib.market();
 * ...
 * ib.close();
 * }</pre>
 */
public final class IbkrAdapter implements AutoCloseable {

  private final TwsSession session;
  private final IbkrBroker broker;
  private final IbkrMarketData market;

  private IbkrAdapter(String host, int port, int clientId, IbkrConfig cfg, Clock clock) {
    Check.notNull(cfg, "broker.ibkr");
    this.session = new TwsSession(host, port, clientId, cfg);
    ContractResolver resolver = new ContractResolver(session, clock);
    this.broker = new IbkrBroker(session, resolver, clock, cfg.account());
    this.market = new IbkrMarketData(session, resolver, clock, cfg);
  }

  /**
   * Builds the adapter and connects (blocking until TWS is ready and orders are reconciled).
   *
   * @throws dev.alvh.ibkr.session.TwsRequestException if TWS cannot be reached or refuses
   */
  public static IbkrAdapter connect(String host, int port, int clientId, IbkrConfig cfg, Clock clock) {
    IbkrAdapter a = new IbkrAdapter(host, port, clientId, cfg, clock);
    try {
      a.session.connect();
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  /**
   * Builds the adapter and connects if TWS is there; otherwise keeps reconnecting in the
   * background (check {@code session().tradingAllowed()}). For unattended starts.
   */
  public static IbkrAdapter start(String host, int port, int clientId, IbkrConfig cfg, Clock clock) {
    IbkrAdapter a = new IbkrAdapter(host, port, clientId, cfg, clock);
    a.session.connectOrKeepTrying();
    return a;
  }

  /**
   * Builds the adapter without connecting: set the session's account guard, then
   * {@code session().connectOrKeepTrying()} (an unattended start) or {@code session().connect()}.
   */
  public static IbkrAdapter unconnected(String host, int port, int clientId, IbkrConfig cfg, Clock clock) {
    return new IbkrAdapter(host, port, clientId, cfg, clock);
  }

  /** The session (state, server version, accounts). */
  public TwsSession session() {
    return session;
  }

  /** The broker port. */
  public IbkrBroker broker() {
    return broker;
  }

  /** The market-data port. */
  public IbkrMarketData market() {
    return market;
  }

  @Override
  public void close() {
    market.close();
    session.close();
    broker.close();
  }
}
