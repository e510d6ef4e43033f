package dev.alvh.ibkr.broker;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ContractDetails;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contract discovery, cached per New York day: conIds by contract details (only for the contracts
 * actually traded), and chains by sec-def option parameters (no pacing, brief §4.4).
 */
public final class ContractResolver {

  /** One chain description from reqSecDefOptParams. */
  public record Chain(String exchange, String tradingClass, String multiplier, List<LocalDate> expirations,
      List<Double> strikes) {
  }

  private final TwsSession session;
  private final Clock clock;
  private final Map<String, ContractDetails> details = new ConcurrentHashMap<>();
  private final Map<String, List<Chain>> chains = new ConcurrentHashMap<>();
  private volatile LocalDate day;

  /** A resolver over {@code session}, its cache dated by {@code clock}. */
  public ContractResolver(TwsSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  /** The conId of an option (contract details on first use per day). */
  public int conId(OptionContract c) {
    return details(c.key(), Contracts.option(c)).contract().conId();
  }

  /** The conId of an index such as SPX. */
  public int indexConId(String symbol) {
    return details("IND " + symbol, Contracts.index(symbol)).contract().conId();
  }

  /**
   * The contract details of {@code contract}, which must match exactly one contract.
   *
   * @throws TwsRequestException if TWS knows no such contract (200) or several
   */
  public ContractDetails details(String key, Contract contract) {
    rollDay();
    ContractDetails known = details.get(key);
    if (known != null) {
      return known;
    }
    int reqId = session.nextRequestId();
    List<ServerMessage> answers = session.call("reqContractDetails " + key, reqId,
        ClientMessage.ReqContractDetails.of(reqId, contract), m -> m instanceof ServerMessage.ContractDataEnd);
    List<ContractDetails> found = new ArrayList<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.ContractData d) {
        found.add(d.details());
      }
    }
    if (found.size() != 1) {
      throw new TwsRequestException("contract details for " + key + " matched " + found.size()
          + " contracts; expected exactly one");
    }
    details.put(key, found.get(0));
    return found.get(0);
  }

  /** The option chains of the index {@code symbol} (SPX or VIX), every exchange and class. */
  public List<Chain> chains(String symbol) {
    rollDay();
    List<Chain> known = chains.get(symbol);
    if (known != null) {
      return known;
    }
    int underConId = indexConId(symbol);
    int reqId = session.nextRequestId();
    List<ServerMessage> answers = session.call("reqSecDefOptParams " + symbol, reqId,
        new ClientMessage.ReqSecDefOptParams(reqId, symbol, "", "IND", underConId),
        m -> m instanceof ServerMessage.SecDefOptParamsEnd);
    List<Chain> out = new ArrayList<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.SecDefOptParams p) {
        List<LocalDate> dates = p.expirations().stream().filter(s -> s.length() >= 8)
            .map(s -> LocalDate.parse(s.substring(0, 8), Contracts.IB_DATE)).sorted().toList();
        out.add(new Chain(p.exchange(), p.tradingClass(), p.multiplier(), dates,
            p.strikes().stream().sorted().toList()));
      }
    }
    chains.put(symbol, List.copyOf(out));
    return chains.get(symbol);
  }

  /**
   * The chain of {@code tradingClass}: the SMART listing if there is one, else the first; empty
   * expirations and strikes if TWS lists none.
   */
  public Chain chain(String tradingClass) {
    List<Chain> all = chains(Contracts.underlyingOf(tradingClass)).stream()
        .filter(c -> c.tradingClass().equals(tradingClass)).toList();
    return all.stream().filter(c -> c.exchange().equals(Contracts.OPTION_EXCHANGE)).findFirst()
        .orElse(all.isEmpty() ? new Chain("", tradingClass, "100", List.of(), List.of()) : all.get(0));
  }

  private void rollDay() {
    LocalDate today = clock.marketDate();
    if (!today.equals(day)) {
      details.clear();
      chains.clear();
      day = today;
    }
  }
}
