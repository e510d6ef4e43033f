package dev.alvh.app.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.runtime.Bot;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs console commands on a bot: finds the handler, asks for a confirmation where one is
 * needed, runs it under the bot's lock (never during a cycle), turns every failure into a
 * {@link Reply} (nothing typed can crash the bot) and writes every mutating command to the audit
 * table with where it came from and the state before and after.
 */
public final class ControlService {

  private static final Logger LOG = LoggerFactory.getLogger(ControlService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The flag that confirms a command that asks for confirmation. */
  public static final String YES = "--yes";

  private final Bot bot;

  /** Commands on {@code bot}. */
  public ControlService(Bot bot) {
    this.bot = bot;
  }

  /**
   * Runs {@code words} (the command and its arguments) from {@code source} (e.g.
   * {@code ctl@127.0.0.1}).
   */
  public Reply execute(List<String> words, String source) {
    if (words == null || words.isEmpty() || words.get(0).isBlank()) {
      return Reply.error("no command given; commands: " + String.join(", ", Commands.names()));
    }
    var handler = Commands.find(words.get(0));
    if (handler.isEmpty()) {
      return Reply.error(Commands.unknown(words.get(0)));
    }
    CommandHandler h = handler.get();
    List<String> args = new ArrayList<>(words.subList(1, words.size()));
    boolean yes = args.remove(YES);
    boolean halt = "halt".equals(h.name());
    if (halt) {
      // a price walk holding the lock stops at its pause instead of making the halt wait for it
      bot.requestHalt();
    }
    try {
      return run(h, words, args, yes, source);
    } finally {
      if (halt) {
        bot.haltRequestServed();
      }
    }
  }

  private Reply run(CommandHandler h, List<String> words, List<String> args, boolean yes, String source) {
    return bot.locked(() -> {
      String before = h.mutating() ? state() : null;
      Reply r;
      try {
        if (h.needsConfirmation(args) && !yes) {
          return Reply.needsConfirmation(h.confirmation(args) + "; confirm with " + YES);
        }
        r = h.handle(args, bot);
      } catch (UsageException | IllegalArgumentException e) {
        r = Reply.error(e.getMessage() + System.lineSeparator() + "usage: " + h.usage());
      } catch (RuntimeException e) {
        LOG.error("command '{}' from {} failed: {}", String.join(" ", words), source, e.toString(), e);
        r = Reply.error(h.name() + " failed: " + e.getMessage());
      }
      if (h.mutating()) {
        String outcome = r.ok() ? "ok" : "refused: " + r.text().lines().findFirst().orElse("");
        String command = audited(String.join(" ", words), r.ok());
        try {
          bot.audit().record(bot.clock().now(), source, command, before, state(), outcome);
        } catch (RuntimeException e) {
          LOG.error("audit of '{}' from {} failed: {}", command, source, e.toString(), e);
        }
        LOG.info("operator {} from {}: {}", command, source, outcome);
      }
      return r;
    });
  }

  /** A refused command is audited with at most this many of its characters. */
  static final int REFUSED_AUDIT_CHARS = 200;

  /**
   * The command as the audit trail keeps it: whole when it ran; when refused, its first
   * {@value #REFUSED_AUDIT_CHARS} characters and its length (a refused 5,000-character note is
   * not stored whole: it was not accepted, and the trail says that it was tried).
   */
  static String audited(String command, boolean ran) {
    if (ran || command.length() <= REFUSED_AUDIT_CHARS) {
      return command;
    }
    return command.substring(0, REFUSED_AUDIT_CHARS) + "... (" + command.length() + " characters, truncated)";
  }

  private String state() {
    try {
      return JSON.writeValueAsString(bot.auditState());
    } catch (JsonProcessingException e) {
      return String.valueOf(bot.auditState());
    }
  }
}
