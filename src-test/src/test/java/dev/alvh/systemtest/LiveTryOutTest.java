package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.runtime.SteppedClock;
import dev.alvh.core.port.Clock;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, last acceptance line: docs/live.md's section "Try it first: paper-tws standing in for
 * IB Gateway", followed as written, starts the bot under the shipped systemd unit. The blocks
 * marked {@code <!-- try-out} are read from the doc (so doc and test cannot drift) and run line by
 * line with bash, with the substitutions the doc's own last paragraph lists: install paths under a
 * temporary directory (the checkout stands in for /opt/alvh), a free port for 4001, {@code ./alvh}
 * running the built jar, {@code chown} skipped, and a virtual clock shared by paper-tws and the bot
 * (09:30 to 09:45 New York on a trading day). No systemd manager runs here: {@code systemctl start
 * alvh} is done by this test from the installed unit file (its ExecStart, WorkingDirectory and
 * Environment), {@code systemctl stop alvh} by the unit's KillSignal (SIGTERM), expecting exit 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LiveTryOutTest {

  static final LocalDate DAY = LocalDate.of(2026, 3, 17);
  static final Instant FROM = DAY.atTime(LocalTime.of(9, 30)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Instant TO = DAY.atTime(LocalTime.of(9, 46)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Pattern REF = Pattern.compile("alvh-T\\d{4}-open-\\d{12}");

  @TempDir
  Path tmp;

  private final List<Process> background = new ArrayList<>();
  private Process unit;
  private Path cwd;
  private Map<String, String> paths;
  private Path shim;
  private final StringBuilder transcript = new StringBuilder();
  private final long started = System.nanoTime();

  @AfterEach
  void stop() {
    if (unit != null && unit.isAlive()) {
      unit.destroyForcibly();
    }
    background.forEach(Process::destroyForcibly);
  }

  @Test
  void theDocsTryOutStartsTheBotUnderTheShippedUnit() throws Exception {
    Path root = checkoutRoot();
    Path jar = root.resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    List<String> blocks = tryOutBlocks(Files.readString(root.resolve("docs/live.md")));
    assertThat(blocks).as("docs/live.md's try-out blocks").hasSize(2);
    Path clockFile = tmp.resolve("clock");
    new SteppedClock(FROM, Optional.of(clockFile)); // paper-tws and the bot read the virtual time from here
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    paths = new LinkedHashMap<>();
    paths.put("/opt/alvh", root.toString());
    paths.put("/etc/systemd/system", Files.createDirectories(tmp.resolve("etc/systemd/system")).toString());
    paths.put("/etc/alvh", tmp.resolve("etc/alvh").toString());
    paths.put("/var/lib/alvh", tmp.resolve("var/lib/alvh").toString());
    paths.put("4001", Integer.toString(port));
    shim = launcher(jar, clockFile);
    cwd = tmp;

    // Block 1: paper-tws, bot.yaml, live --check, install the unit, start it.
    List<String> out1 = run(blocks.get(0), Map.of());
    String check = out1.stream().filter(o -> o.contains("what-if condor")).findFirst().orElseThrow();
    assertThat(check).as(transcript.toString()).contains("account           OK live account U****567")
        .contains("clock skew        OK").doesNotContain("FIX").doesNotContain("U1234567");
    assertThat(unit).as("systemctl start alvh started the unit").isNotNull();
    verifyInstalledUnit();

    // Block 2: the held condor is approved through ctl, then the unit is stopped.
    String orders = awaitHeldCondor(blocks.get(1).lines().findFirst().orElseThrow());
    Matcher m = REF.matcher(orders);
    assertThat(m.find()).as(orders).isTrue();
    List<String> out2 = run(blocks.get(1), Map.of("REF", m.group()));
    assertThat(out2.get(1)).as(transcript.toString()).contains("approved and sent " + m.group());
    assertThat(out2.get(2).lines().filter(l -> l.matches("SPXW \\d{4}-\\d\\d-\\d\\d \\d+ [PC] .*")))
        .as("ctl positions: the condor's four legs\n" + out2.get(2)).hasSize(4);
    String bot = unitOutput;
    assertThat(unitExit).as(bot).isZero();
    assertThat(bot).contains("live bot running: broker ibkr").contains("live bot stopped").doesNotContain("U1234567");
    System.out.println(transcript);
    Path log = tmp.resolve("var/lib/alvh/data/logs/alvh.log");
    if (Files.isRegularFile(log)) {
      assertThat(Files.readString(log)).as("the full account is never logged").doesNotContain("U1234567");
    }
  }

  private String unitOutput = "";
  private int unitExit = -1;

  /** Runs the doc's ctl orders line until it shows the condor held for approval. */
  private String awaitHeldCondor(String ordersLine) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      // the bot's log says when it holds the condor; ctl (a JVM start each) is asked only then
      if (!drain(unit).contains("holding OPEN_CONDOR") && System.nanoTime() < until && unit.isAlive()) {
        Thread.sleep(200);
        continue;
      }
      String out = shell(substitute(ordersLine, Map.of()), false);
      int from = out.indexOf("waiting for approval:");
      int to = out.indexOf("recent:");
      String held = from >= 0 && to > from ? out.substring(from, to) : "";
      if (REF.matcher(held).find()) {
        return held;
      }
      if (System.nanoTime() > until || !unit.isAlive()) {
        throw new AssertionError("no condor waiting for approval:\n" + out + "\n" + transcript + "\n" + drain(unit));
      }
      Thread.sleep(300);
    }
  }

  /** The blocks of {@code doc} fenced right after a {@code <!-- try-out} marker. */
  static List<String> tryOutBlocks(String doc) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<!-- try-out[^\\n]*-->\\n```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Runs {@code block}'s commands one by one (a here-document with its command); returns each one's output. */
  private List<String> run(String block, Map<String, String> words) throws Exception {
    List<String> outputs = new ArrayList<>();
    List<String> lines = block.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      StringBuilder cmd = new StringBuilder(lines.get(i));
      Matcher here = Pattern.compile("<<'(\\w+)'").matcher(lines.get(i));
      if (here.find()) {
        String end = here.group(1);
        do {
          i++;
          cmd.append('\n').append(lines.get(i));
        } while (!lines.get(i).equals(end));
      }
      String c = substitute(cmd.toString(), words);
      String bare = c.replaceAll("\\s+#.*$", "").trim();
      transcript.append(String.format(java.util.Locale.ROOT, "[%5.1f s] $ ", (System.nanoTime() - started) / 1e9))
          .append(bare).append('\n');
      String out;
      if (bare.startsWith("cd ")) {
        cwd = Path.of(bare.substring(3).trim());
        out = "";
      } else if (bare.startsWith("systemctl ")) {
        out = systemctl(bare);
      } else if (bare.equals("kill %1")) {
        background.forEach(Process::destroy);
        out = "";
      } else if (bare.endsWith("&")) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + bare.substring(0, bare.length() - 1))
            .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("bg.out").toFile());
        pb.environment().put("ALVH", shim.toString());
        background.add(pb.start());
        out = "";
      } else {
        out = shell(c, true);
      }
      transcript.append(out);
      outputs.add(out);
    }
    return outputs;
  }

  /** systemctl's part, without a systemd manager: the installed unit is started and stopped as it says. */
  private String systemctl(String line) throws Exception {
    for (String part : line.split("&&")) {
      List<String> a = List.of(part.trim().split("\\s+"));
      if (a.get(1).equals("start") && a.get(2).equals("alvh")) {
        startUnit(Path.of(paths.get("/etc/systemd/system")).resolve("alvh.service"));
      } else if (a.get(1).equals("stop") && a.get(2).equals("alvh")) {
        unit.destroy(); // the unit's KillSignal, SIGTERM
        assertThat(unit.waitFor(60, TimeUnit.SECONDS)).isTrue();
        unitExit = unit.exitValue();
        unitOutput = drain(unit);
      } else if (!a.get(1).equals("daemon-reload")) {
        throw new AssertionError("the test cannot carry out '" + part.trim() + "'");
      }
    }
    return "";
  }

  /** The installed unit, paths as the test installed it, passes systemd-analyze verify where that is installed. */
  private void verifyInstalledUnit() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    if (!Files.isExecutable(analyze)) {
      transcript.append("(systemd-analyze is not installed here: the installed unit is not verified)\n");
      return;
    }
    Path copy = tmp.resolve("alvh.service");
    Files.writeString(copy, substitute(Files.readString(Path.of(paths.get("/etc/systemd/system"))
        .resolve("alvh.service")), Map.of()));
    Process p = new ProcessBuilder(analyze.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("systemd-analyze verify of the installed unit:\n" + out).isZero();
  }

  private void startUnit(Path installed) throws IOException {
    String text = substitute(Files.readString(installed), Map.of());
    assertThat(text).contains("KillSignal=SIGTERM");
    String exec = value(text, "ExecStart");
    String dir = value(text, "WorkingDirectory");
    List<String> cmd = new ArrayList<>(List.of(exec.split("\\s+")));
    assertThat(cmd.get(0)).isEqualTo(paths.get("/opt/alvh") + "/alvh");
    cmd.set(0, shim.toString()); // the launcher, running the built jar
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of(dir).toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("unit.out").toFile());
    for (String line : text.lines().toList()) {
      if (line.startsWith("Environment=")) {
        String[] kv = line.substring("Environment=".length()).split("=", 2);
        pb.environment().put(kv[0], kv[1]);
      }
    }
    transcript.append("(unit) ").append(String.join(" ", cmd)).append(" in ").append(dir).append('\n');
    unit = pb.start();
  }

  private String drain(Process p) {
    try {
      Path f = tmp.resolve(p == unit ? "unit.out" : "bg.out");
      return Files.isRegularFile(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String value(String unitText, String key) {
    return unitText.lines().filter(l -> l.startsWith(key + "=")).findFirst()
        .map(l -> l.substring(key.length() + 1).trim()).orElseThrow(() -> new AssertionError("no " + key + "="));
  }

  private String substitute(String text, Map<String, String> words) {
    String s = text;
    for (Map.Entry<String, String> e : paths.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : words.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s.replace("./alvh ", "\"$ALVH\" ");
  }

  /** Runs {@code command} with bash in the current directory; {@code mustPass}: a non-zero exit fails the test. */
  private String shell(String command, boolean mustPass) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", "chown() { :; }\n" + command).directory(cwd.toFile())
        .redirectErrorStream(true);
    pb.environment().put("ALVH", shim.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    if (mustPass) {
      assertThat(p.exitValue()).as(command + "\n" + out + "\n" + transcript).isZero();
    }
    return out;
  }

  /**
   * The launcher {@code ./alvh} for the test: the built jar; paper-tws and live through the test
   * launcher ({@link TestLauncher}) with the virtual clock added (paper-tws and {@code live --check}
   * read it; {@code live} runs it from 09:30 to 09:45).
   */
  private Path launcher(Path jar, Path clockFile) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String run = "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + jar + "' \"$@\"";
    // paper-tws and live with the test launcher, which adds the virtual clock's options
    String test = "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + jar + File.pathSeparator
        + TestLauncher.jar(jar) + "' " + TestLauncher.MAIN + " \"$@\"";
    String script = String.join("\n",
        "#!/bin/sh",
        "case \"$1 $2\" in",
        "  'paper-tws '*|'live --check') " + test + " --clock-file '" + clockFile + "' ;;",
        "  'live '*) " + test + " --step-clock " + FROM + "/" + TO + " --clock-file '" + clockFile
            + "' --step-settle-millis 300 ;;",
        "  *) " + run + " ;;",
        "esac",
        "");
    Path f = tmp.resolve("alvh-launcher");
    Files.writeString(f, script);
    assertThat(f.toFile().setExecutable(true)).isTrue();
    return f;
  }

  private static Path checkoutRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("alvh")) && Files.isDirectory(p.resolve("paper-config"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }
}
