package dev.alvh.app.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The client side of the control channel, for {@code console} and {@code ctl}: finds the bot
 * through its data directory ({@code control.json}, {@code control.token}) on every request, so
 * it follows a bot that restarted on another port.
 */
public final class ControlClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT = Duration.ofSeconds(3);
  /** A command waits for a running cycle to finish; this bounds the wait. */
  private static final Duration ANSWER = Duration.ofMinutes(2);

  private final Path dataDir;
  private final String clientName;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();

  /** A client of the bot in {@code dataDir}, calling itself {@code clientName} (console or ctl). */
  public ControlClient(Path dataDir, String clientName) {
    this.dataDir = dataDir;
    this.clientName = clientName;
  }

  /** The bot could not be reached or refused the request; the message is one line. */
  public static final class ControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ControlException(String message) {
      super(message);
    }
  }

  /**
   * Sends one command.
   *
   * @throws ControlException when there is no bot, it cannot be reached, or it refuses the token
   */
  public Reply send(List<String> words) {
    ControlFiles.Endpoint e;
    String token;
    try {
      e = ControlFiles.readEndpoint(dataDir).orElseThrow(() -> new ControlException("no bot is running with data"
          + " directory " + dataDir.toAbsolutePath().normalize() + " (no " + ControlFiles.ENDPOINT
          + "); start one with: alvh paper --data-dir " + dataDir));
      token = ControlFiles.readToken(dataDir);
    } catch (NoSuchFileException ex) {
      throw new ControlException("cannot read " + ex.getFile() + ": no such file (is " + dataDir
          + " the bot's data directory?)");
    } catch (IOException ex) {
      throw new ControlException("cannot read the bot's files in " + dataDir + ": " + ex.getMessage());
    }
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(URI.create(e.commandUrl())).timeout(ANSWER)
          .header("Authorization", "Bearer " + token).header(ControlServer.CLIENT_HEADER, clientName)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("args", words)))).build();
    } catch (IOException | IllegalArgumentException ex) {
      throw new ControlException("bad endpoint in " + dataDir.resolve(ControlFiles.ENDPOINT) + ": " + ex.getMessage());
    }
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpConnectTimeoutException ex) {
      throw new ControlException("cannot reach the bot at " + e.url() + " (pid " + e.pid() + "): not running?");
    } catch (IOException ex) {
      throw new ControlException("lost the connection to the bot at " + e.url() + ": " + ex.getMessage());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new ControlException("interrupted while waiting for the bot");
    }
    if (resp.statusCode() == 401) {
      throw new ControlException("the bot at " + e.url() + " refused the token in "
          + dataDir.resolve(ControlFiles.TOKEN));
    }
    try {
      return JSON.readValue(resp.body(), Reply.class);
    } catch (IOException ex) {
      throw new ControlException("the bot answered HTTP " + resp.statusCode() + " that is not a reply: "
          + ex.getMessage());
    }
  }
}
