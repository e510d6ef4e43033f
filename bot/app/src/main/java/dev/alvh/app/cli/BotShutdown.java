package dev.alvh.app.cli;

import dev.alvh.app.control.ControlFiles;
import dev.alvh.app.control.ControlServer;
import dev.alvh.app.live.IbkrGuards;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.ops.GracefulShutdown;
import dev.alvh.app.ops.HealthServer;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.JobDriver;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The order a running bot stops in (SIGTERM, Ctrl-C): the last job finishes first, the store closes last. */
final class BotShutdown {

  private BotShutdown() {
  }

  /**
   * The steps: stop the schedule, persist the switches, stop the control channel, health and
   * alerts (and the IBKR guards, when given), close the bot, say so and count {@code stopped} down.
   */
  static GracefulShutdown steps(String name, JobDriver jobs, Bot bot, ControlServer server, Path dir,
      IbkrGuards guards, HealthServer health, Alerter alerter, CountDownLatch stopped) {
    return new GracefulShutdown()
        .step("stop the schedule (the running job finishes)", jobs::close)
        .step("persist the switches", () -> bot.locked(() -> {
          bot.saveSwitches();
          return null;
        }))
        .step("stop the control channel", () -> {
          server.close();
          ControlFiles.removeEndpoint(dir, ProcessHandle.current().pid());
        })
        .step("stop health and alerts", () -> {
          if (guards != null) {
            guards.close();
          }
          health.close();
          alerter.close();
        })
        .step("disconnect and close the store", bot::close)
        .step("say so", () -> {
          System.out.println(name + " bot stopped: last job finished, store closed");
          System.out.flush();
          stopped.countDown();
        });
  }
}
