package dev.alvh.paper.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * The paper broker: starting cash, commissions and partial fills; YAML group
 * {@code broker.paper.*}. The price a fill takes is {@link PaperConfig.Fill} ({@code paper.fill.*}).
 *
 * @param startingCash           cash at the start of a run, USD
 * @param commissionPerContract  broker commission per option contract, USD (IB: about 0.65)
 * @param feePerContract         exchange and regulatory fees per option contract, USD
 * @param partialFillProbability chance that an order which can fill fills only in part (the
 *                               rest keeps working); 0 turns partial fills off
 * @param partialFillSeed        seed of the partial-fill draws (same seed, same fills)
 */
public record PaperBrokerConfig(
    BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract,
    double partialFillProbability, long partialFillSeed) {

  /** One million USD to start. */
  public static final BigDecimal DEFAULT_STARTING_CASH = new BigDecimal("1000000");
  /** 0.65 USD per contract, near IB's tiered rate. */
  public static final BigDecimal DEFAULT_COMMISSION_PER_CONTRACT = new BigDecimal("0.65");
  /** 0.60 USD per contract of exchange and regulatory fees (Cboe index option fees are of this order). */
  public static final BigDecimal DEFAULT_FEE_PER_CONTRACT = new BigDecimal("0.60");
  /** Partial fills off: an order that can fill fills completely. */
  public static final double DEFAULT_PARTIAL_FILL_PROBABILITY = 0.0;
  /** Seed 7 for the partial-fill draws. */
  public static final long DEFAULT_PARTIAL_FILL_SEED = 7L;

  /** The defaults. */
  public static final PaperBrokerConfig DEFAULTS = new PaperBrokerConfig(
      DEFAULT_STARTING_CASH, DEFAULT_COMMISSION_PER_CONTRACT, DEFAULT_FEE_PER_CONTRACT,
      DEFAULT_PARTIAL_FILL_PROBABILITY, DEFAULT_PARTIAL_FILL_SEED);

  /** Cash and commissions; partial fills off. */
  public PaperBrokerConfig(BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract) {
    this(startingCash, commissionPerContract, feePerContract, DEFAULT_PARTIAL_FILL_PROBABILITY,
        DEFAULT_PARTIAL_FILL_SEED);
  }

  /** Checks every field. */
  public PaperBrokerConfig {
    Check.inRange(startingCash, new BigDecimal("1000"), new BigDecimal("1000000000"), "broker.paper.startingCash");
    Check.inRange(commissionPerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.commissionPerContract");
    Check.inRange(feePerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.feePerContract");
    Check.inRange(partialFillProbability, 0, 1, "broker.paper.partialFillProbability");
  }
}
