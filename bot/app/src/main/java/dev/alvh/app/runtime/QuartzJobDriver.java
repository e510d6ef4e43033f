package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.QuartzConnections;
import dev.alvh.app.store.Store;
import dev.alvh.app.store.StoreException;
import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time {@link JobDriver}: Quartz with its JDBC job store ({@code JobStoreTX}) in the bot's
 * own H2 database (tables {@code QRTZ_*} from migration V5), so the schedule, each trigger's next
 * fire time and its misfire state survive restarts.
 *
 * <p>Misfire policy, per job (a fire missed while the bot was down, or more than
 * {@value #MISFIRE_THRESHOLD_MS} ms late while it runs):
 * <ul>
 *   <li>CYCLE: not replayed; the next cycle comes within minutes and a late cycle could run
 *       after the close ({@code MISFIRE_INSTRUCTION_DO_NOTHING});
 *   <li>PRE_OPEN: the reconciliation runs exactly once on every start, from a one-shot trigger
 *       ({@value #STARTUP_PRE_OPEN}) that fires first; a pre-open missed while down is covered by
 *       it and not run again;
 *   <li>END_OF_DAY: runs once on start when one or more were missed while down (one-shot trigger
 *       {@value #CATCH_UP_END_OF_DAY}, after the start-up pre-open, with the first missed time
 *       as its scheduled time), so the daily snapshot is not skipped; late while running, it
 *       fires once at once ({@code FIRE_ONCE_NOW}).
 * </ul>
 * On start, {@link TradingSchedule#register} re-applies the calendars, which moves every stored
 * trigger past the fires it missed; the driver reads the stored next fire times first and
 * applies the policy above itself, so a restart behaves the same however long the bot was down.
 *
 * <p>One job thread: jobs run one at a time, in time order. One bot per database: the driver
 * takes the {@link BotLock} of the store's file and a second driver (or a second bot process) on
 * the same database is refused with {@link BotLock.AlreadyRunningException}.
 */
public final class QuartzJobDriver implements JobDriver {

  /** Quartz's scheduler name; the {@code SCHED_NAME} of every row, stable across restarts. */
  public static final String SCHEDULER_NAME = "alvh";
  /** The key name of the one-shot pre-open trigger of each start. */
  public static final String STARTUP_PRE_OPEN = "PRE_OPEN-startup";
  /** The key name of the one-shot end-of-day trigger of a start after a missed end of day. */
  public static final String CATCH_UP_END_OF_DAY = "END_OF_DAY-catch-up";
  /** A fire later than this is a misfire and follows its job's policy. */
  public static final long MISFIRE_THRESHOLD_MS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(QuartzJobDriver.class);
  private static final String RUNNER = "alvh.runner";
  private static final String MISSED_AT = "missedAt";

  private final TradingSchedule schedule;
  private final Clock clock;
  private final BotLock lock;
  private final String dataSource;
  private final Scheduler scheduler;
  private boolean closed;

  /**
   * A driver on {@code store}'s database; not started.
   *
   * @throws BotLock.AlreadyRunningException when another bot uses the database
   * @throws IllegalStateException when Quartz cannot be set up on the database
   */
  public QuartzJobDriver(Store store, TradingSchedule schedule, Clock clock) {
    this(store, schedule, clock, BotLock.acquire(Check.notNull(store, "store").file()));
  }

  /**
   * A driver on {@code store}'s database that takes over {@code heldLock}, the database's
   * {@link BotLock} its caller acquired before opening the store (released when the driver closes).
   */
  public QuartzJobDriver(Store store, TradingSchedule schedule, Clock clock, BotLock heldLock) {
    Check.notNull(store, "store");
    this.schedule = Check.notNull(schedule, "schedule");
    this.clock = Check.notNull(clock, "clock");
    this.lock = Check.notNull(heldLock, "heldLock");
    this.dataSource = "alvh-" + Integer.toHexString(store.url().hashCode());
    if (org.quartz.impl.SchedulerRepository.getInstance().lookup(SCHEDULER_NAME) != null) {
      lock.close();
      throw new IllegalStateException("a Quartz scheduler named '" + SCHEDULER_NAME + "' already runs in this JVM;"
          + " close the other QuartzJobDriver first (one per process)");
    }
    try {
      QuartzConnections.register(dataSource, store.url());
      StdSchedulerFactory factory = new StdSchedulerFactory(properties(dataSource));
      this.scheduler = factory.getScheduler();
    } catch (SchedulerException | RuntimeException e) {
      lock.close();
      throw new IllegalStateException("cannot set up the Quartz job store in " + store.file() + ": "
          + e.getMessage(), e);
    }
  }

  static Properties properties(String dataSource) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", "alvh-bot");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "alvh-job");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
    p.setProperty("org.quartz.jobStore.isClustered", "false");
    return p;
  }

  @Override
  public void start(JobRunner runner) {
    Check.notNull(runner, "runner");
    try {
      scheduler.getContext().put(RUNNER, runner);
      Map<JobKind, Class<? extends Job>> jobs = new EnumMap<>(JobKind.class);
      for (JobKind kind : JobKind.values()) {
        jobs.put(kind, FireJob.class);
      }
      Instant now = clock.now();
      Optional<Instant> missedEndOfDay = nextFireTimes().entrySet().stream()
          .filter(e -> e.getKey().startsWith(JobKind.END_OF_DAY.name() + "-") && !e.getKey().equals(CATCH_UP_END_OF_DAY))
          .map(Map.Entry::getValue)
          .filter(t -> t.isBefore(now.minusMillis(MISFIRE_THRESHOLD_MS)))
          .min(Instant::compareTo);
      schedule.register(scheduler, jobs, now);
      oneShot(STARTUP_PRE_OPEN, JobKind.PRE_OPEN, now, Trigger.DEFAULT_PRIORITY + 1, Optional.empty(),
          "PRE_OPEN once on start: reconnect and reconcile before anything is sent");
      scheduler.unscheduleJob(TriggerKey.triggerKey(CATCH_UP_END_OF_DAY, TradingSchedule.GROUP));
      if (missedEndOfDay.isPresent()) {
        LOG.info("the end of day due at {} was missed while the bot was down: it runs once now", missedEndOfDay.get());
        oneShot(CATCH_UP_END_OF_DAY, JobKind.END_OF_DAY, now, Trigger.DEFAULT_PRIORITY, missedEndOfDay,
            "END_OF_DAY missed while down, run once on start");
      }
      scheduler.start();
      LOG.info("schedule started in the database: {} triggers, next fires {}", nextFireTimes().size(),
          nextFireTimes());
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the schedule: " + e.getMessage(), e);
    }
  }

  /** The next fire time of each of the bot's triggers, by trigger name, as stored. */
  public Map<String, Instant> nextFireTimes() {
    Map<String, Instant> out = new LinkedHashMap<>();
    try {
      for (TriggerKey key : new java.util.TreeSet<>(scheduler.getTriggerKeys(
          GroupMatcher.triggerGroupEquals(TradingSchedule.GROUP)))) {
        Trigger t = scheduler.getTrigger(key);
        if (t != null && t.getNextFireTime() != null) {
          out.put(key.getName(), t.getNextFireTime().toInstant());
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot read the schedule: " + e.getMessage(), e);
    }
    return out;
  }

  private void oneShot(String name, JobKind kind, Instant at, int priority, Optional<Instant> missedAt,
      String description) throws SchedulerException {
    TriggerKey key = TriggerKey.triggerKey(name, TradingSchedule.GROUP);
    scheduler.unscheduleJob(key);
    TriggerBuilder<Trigger> b = TriggerBuilder.newTrigger().withIdentity(key).forJob(TradingSchedule.jobKey(kind))
        .withDescription(description).withPriority(priority).startAt(Date.from(at));
    missedAt.ifPresent(m -> b.usingJobData(MISSED_AT, m.toEpochMilli()));
    scheduler.scheduleJob(b.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build());
  }

  /** The Quartz scheduler, for status and tests. */
  Scheduler scheduler() {
    return scheduler;
  }

  /** Stops firing after the running job has finished, then releases the database lock. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("the schedule did not shut down cleanly: {}", e.getMessage());
    } finally {
      try {
        QuartzConnections.release(dataSource);
      } catch (StoreException e) {
        LOG.warn("{}", e.getMessage());
      }
      lock.close();
    }
  }

  /** The Quartz job of every {@link JobKind}: hands the fire to the driver's runner. */
  @DisallowConcurrentExecution
  public static final class FireJob implements Job {

    /** Quartz builds it. */
    public FireJob() {
      // stateless
    }

    @Override
    public void execute(JobExecutionContext context) {
      JobKind kind = JobKind.valueOf(context.getJobDetail().getKey().getName());
      Date scheduled = context.getScheduledFireTime();
      Instant at = context.getMergedJobDataMap().containsKey(MISSED_AT)
          ? Instant.ofEpochMilli(context.getMergedJobDataMap().getLong(MISSED_AT)) : scheduled.toInstant();
      try {
        JobRunner runner = (JobRunner) context.getScheduler().getContext().get(RUNNER);
        runner.run(kind, at);
      } catch (RuntimeException | SchedulerException e) {
        LOG.error("{} job due at {} failed: {}", kind, at, e.toString(), e);
      }
    }
  }
}
