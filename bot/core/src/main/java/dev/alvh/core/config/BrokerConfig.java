package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Which broker the bot trades with and how to reach it; YAML group {@code broker.*}.
 *
 * @param type        {@code paper} (the in-process paper broker) or {@code ibkr} (TWS / IB Gateway)
 * @param host        TWS host; loopback by default
 * @param port        TWS API port (7497 paper TWS, 7496 live TWS, 4002/4001 IB Gateway)
 * @param clientId    API client id
 * @param paper       the paper broker's settings
 */
public record BrokerConfig(String type, String host, int port, int clientId, Paper paper) {

  /** The in-process paper broker. */
  public static final String DEFAULT_TYPE = "paper";
  /** TWS on this machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** TWS paper trading port. */
  public static final int DEFAULT_PORT = 7497;
  /** API client id 17. */
  public static final int DEFAULT_CLIENT_ID = 17;

  /** The broker types known. */
  public static final Set<String> TYPES = Set.of("paper", "ibkr");

  /** The defaults. */
  public static final BrokerConfig DEFAULTS =
      new BrokerConfig(DEFAULT_TYPE, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CLIENT_ID, Paper.DEFAULTS);

  /** Checks every field; messages name the full key. */
  public BrokerConfig {
    Check.isTrue(type != null && TYPES.contains(type), "broker.type",
        "must be one of [ibkr, paper], but was '" + type + "'");
    Check.notBlank(host, "broker.host");
    Check.inRange(port, 1, 65535, "broker.port");
    Check.inRange(clientId, 0, 999_999, "broker.clientId");
    Check.notNull(paper, "broker.paper");
  }

  /**
   * The paper broker: starting cash, commissions and how fills are simulated; YAML group
   * {@code broker.paper.*}.
   *
   * @param startingCash           cash at the start of a run, USD
   * @param commissionPerContract  broker commission per option contract, USD (IB: about 0.65)
   * @param feePerContract         exchange and regulatory fees per option contract, USD
   * @param fillSpreadFraction     fill at mid plus this fraction of the half-spread against the bot
   * @param partialFillProbability chance that an order which can fill fills only in part (the
   *                               rest keeps working); 0 turns partial fills off
   * @param partialFillSeed        seed of the partial-fill draws (same seed, same fills)
   */
  public record Paper(
      BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract,
      BigDecimal fillSpreadFraction, double partialFillProbability, long partialFillSeed) {

    /** One million USD to start. */
    public static final BigDecimal DEFAULT_STARTING_CASH = new BigDecimal("1000000");
    /** 0.65 USD per contract, near IB's tiered rate. */
    public static final BigDecimal DEFAULT_COMMISSION_PER_CONTRACT = new BigDecimal("0.65");
    /** 0.60 USD per contract of exchange and regulatory fees (Cboe index option fees are of this order). */
    public static final BigDecimal DEFAULT_FEE_PER_CONTRACT = new BigDecimal("0.60");
    /** Fill at mid: no part of the half-spread against the bot. */
    public static final BigDecimal DEFAULT_FILL_SPREAD_FRACTION = new BigDecimal("0");
    /** Partial fills off: an order that can fill fills completely. */
    public static final double DEFAULT_PARTIAL_FILL_PROBABILITY = 0.0;
    /** Seed 7 for the partial-fill draws. */
    public static final long DEFAULT_PARTIAL_FILL_SEED = 7L;

    /** The defaults. */
    public static final Paper DEFAULTS = new Paper(
        DEFAULT_STARTING_CASH, DEFAULT_COMMISSION_PER_CONTRACT, DEFAULT_FEE_PER_CONTRACT,
        DEFAULT_FILL_SPREAD_FRACTION, DEFAULT_PARTIAL_FILL_PROBABILITY, DEFAULT_PARTIAL_FILL_SEED);

    /** Cash, commissions and the fill fraction; partial fills off. */
    public Paper(BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract,
        BigDecimal fillSpreadFraction) {
      this(startingCash, commissionPerContract, feePerContract, fillSpreadFraction,
          DEFAULT_PARTIAL_FILL_PROBABILITY, DEFAULT_PARTIAL_FILL_SEED);
    }

    /** Checks every field. */
    public Paper {
      Check.inRange(startingCash, new BigDecimal("1000"), new BigDecimal("1000000000"), "broker.paper.startingCash");
      Check.inRange(commissionPerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.commissionPerContract");
      Check.inRange(feePerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.feePerContract");
      Check.inRange(fillSpreadFraction, BigDecimal.ZERO, BigDecimal.ONE, "broker.paper.fillSpreadFraction");
      Check.inRange(partialFillProbability, 0, 1, "broker.paper.partialFillProbability");
    }
  }
}
