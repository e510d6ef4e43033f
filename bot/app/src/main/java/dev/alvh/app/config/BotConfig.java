package dev.alvh.app.config;

import dev.alvh.core.Check;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.ExecutionConfig;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.paper.config.PaperConfig;

/**
 * The whole configuration of the bot: one immutable value, read once at start.
 *
 * <p>Each group is a record of its own with named, documented defaults; {@link #DEFAULTS} is
 * what the bot runs with when no file sets anything. The YAML file {@code paper-config/bot.yaml}
 * lists every key with its default.
 *
 * @param condor   iron condor rules (docs/strategy.md section 2)
 * @param hedge    layered hedge rules (sections 3 and 4)
 * @param risk     risk limits
 * @param broker   broker connection and paper broker
 * @param schedule trading schedule
 * @param store    data directory and database
 * @param console  control channel
 * @param market   simulated market model
 * @param execution how orders are priced, walked and checked
 * @param replay   replay driver and report
 * @param health   health and metrics server
 * @param alerts   alerts to the owner
 * @param logging  log files
 * @param paper    the simulated broker's fill model (paper trading, paper-tws, replay)
 * @param live     trading a live IBKR account ({@code alvh live})
 */
public record BotConfig(
    CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker, ScheduleConfig schedule,
    StoreConfig store, ConsoleConfig console, MarketConfig market, ExecutionConfig execution,
    ReplayConfig replay, HealthConfig health, AlertsConfig alerts, LoggingConfig logging, PaperConfig paper,
    LiveConfig live) {

  /** Every default. */
  public static final BotConfig DEFAULTS = new BotConfig(CondorConfig.DEFAULTS, HedgeConfig.DEFAULTS,
      RiskConfig.DEFAULTS, BrokerConfig.DEFAULTS, ScheduleConfig.DEFAULTS, StoreConfig.DEFAULTS,
      ConsoleConfig.DEFAULTS, MarketConfig.DEFAULTS, ExecutionConfig.DEFAULTS, ReplayConfig.DEFAULTS,
      HealthConfig.DEFAULTS, AlertsConfig.DEFAULTS, LoggingConfig.DEFAULTS, PaperConfig.DEFAULTS, LiveConfig.DEFAULTS);

  /** Every group but {@code live}, with the default {@code live} group. */
  public BotConfig(CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker,
      ScheduleConfig schedule, StoreConfig store, ConsoleConfig console, MarketConfig market,
      ExecutionConfig execution, ReplayConfig replay, HealthConfig health, AlertsConfig alerts,
      LoggingConfig logging, PaperConfig paper) {
    this(condor, hedge, risk, broker, schedule, store, console, market, execution, replay, health, alerts, logging,
        paper, LiveConfig.DEFAULTS);
  }

  /** Every group but {@code paper}, with the default fill model ({@link PaperConfig#DEFAULTS}). */
  public BotConfig(CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker,
      ScheduleConfig schedule, StoreConfig store, ConsoleConfig console, MarketConfig market,
      ExecutionConfig execution, ReplayConfig replay, HealthConfig health, AlertsConfig alerts,
      LoggingConfig logging, LiveConfig live) {
    this(condor, hedge, risk, broker, schedule, store, console, market, execution, replay, health, alerts, logging,
        PaperConfig.DEFAULTS, live);
  }

  /** The first thirteen groups (up to logging), with the default {@code paper} and {@code live} groups. */
  public BotConfig(CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker,
      ScheduleConfig schedule, StoreConfig store, ConsoleConfig console, MarketConfig market,
      ExecutionConfig execution, ReplayConfig replay, HealthConfig health, AlertsConfig alerts,
      LoggingConfig logging) {
    this(condor, hedge, risk, broker, schedule, store, console, market, execution, replay, health, alerts, logging,
        PaperConfig.DEFAULTS, LiveConfig.DEFAULTS);
  }

  /** The first eight groups, with the defaults of the later ones. */
  public BotConfig(CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker,
      ScheduleConfig schedule, StoreConfig store, ConsoleConfig console, MarketConfig market) {
    this(condor, hedge, risk, broker, schedule, store, console, market, ExecutionConfig.DEFAULTS,
        ReplayConfig.DEFAULTS, HealthConfig.DEFAULTS, AlertsConfig.DEFAULTS, LoggingConfig.DEFAULTS);
  }

  /** The first nine groups (up to execution), with the defaults of the later ones. */
  public BotConfig(CondorConfig condor, HedgeConfig hedge, RiskConfig risk, BrokerConfig broker,
      ScheduleConfig schedule, StoreConfig store, ConsoleConfig console, MarketConfig market,
      ExecutionConfig execution) {
    this(condor, hedge, risk, broker, schedule, store, console, market, execution, ReplayConfig.DEFAULTS,
        HealthConfig.DEFAULTS, AlertsConfig.DEFAULTS, LoggingConfig.DEFAULTS);
  }

  /** Checks every group is present. */
  public BotConfig {
    Check.notNull(condor, "condor");
    Check.notNull(hedge, "hedge");
    Check.notNull(risk, "risk");
    Check.notNull(broker, "broker");
    Check.notNull(schedule, "schedule");
    Check.notNull(store, "store");
    Check.notNull(console, "console");
    Check.notNull(market, "market");
    Check.notNull(execution, "execution");
    Check.notNull(replay, "replay");
    Check.notNull(health, "health");
    Check.notNull(alerts, "alerts");
    Check.notNull(logging, "logging");
    Check.notNull(paper, "paper");
    Check.notNull(live, "live");
  }
}
