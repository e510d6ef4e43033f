package dev.alvh.app.ops;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on a loopback address that one client cannot freeze (Jetty, non-blocking
 * I/O): the control channel and {@code /health} run on it.
 *
 * <ul>
 *   <li>Request lines, headers and bodies are read without a thread: a client that sends half a
 *       request and stalls holds a socket, not a worker, so the other clients are served at once;
 *   <li>a connection that sends (or accepts) nothing for the read timeout is closed;
 *   <li>the handler runs on a bounded pool of {@link #WORKERS} threads (plus Jetty's acceptor and
 *       selector), so a flood of requests queues instead of starting threads without end;
 *   <li>a body larger than the given limit is refused with 413 before the handler sees it.
 * </ul>
 */
public final class LoopbackHttp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttp.class);
  /** Threads that run handlers. */
  public static final int WORKERS = 4;

  /** One complete request: the body has been read. */
  public record HttpRequest(String method, String path, String remoteAddress, HeaderLookup headers, byte[] body) {
    /** The first value of header {@code name}, if any. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** Header access by name (case-insensitive). */
  @FunctionalInterface
  public interface HeaderLookup {
    /** The first value of {@code name}, or null. */
    String get(String name);
  }

  /** One answer. */
  public record HttpResponse(int status, String contentType, byte[] body) {
  }

  /** What answers the requests; runs on the worker pool and may block. */
  @FunctionalInterface
  public interface RequestHandler {
    /** The answer to {@code request}. */
    HttpResponse handle(HttpRequest request) throws Exception;
  }

  private final Server server;
  private final int port;

  private LoopbackHttp(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts listening on {@code address:port} (port 0: any free port).
   *
   * @param name     the threads' name prefix, e.g. alvh-control
   * @param maxBody  the largest body accepted, bytes
   * @param readTimeout a connection idle this long is closed
   * @throws java.io.IOException when the port cannot be bound
   */
  public static LoopbackHttp start(InetAddress address, int port, String name, int maxBody, Duration readTimeout,
      RequestHandler handler) throws java.io.IOException {
    // acceptor + selector + WORKERS; no reserved threads (a handler never runs on Jetty's own threads)
    QueuedThreadPool pool = new QueuedThreadPool(WORKERS + 2, 2);
    pool.setName(name);
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector c = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    c.setHost(address.getHostAddress());
    c.setPort(port);
    c.setIdleTimeout(readTimeout.toMillis());
    server.addConnector(c);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > maxBody) {
          reply(response, callback, new HttpResponse(413, "text/plain; charset=utf-8",
              ("body larger than " + maxBody + " bytes\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          return true;
        }
        CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, maxBody);
        body.whenComplete((bytes, failure) -> pool.execute(() -> {
          if (failure != null) {
            reply(response, callback, new HttpResponse(400, "text/plain; charset=utf-8",
                ("could not read the request body: " + failure.getMessage() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return;
          }
          HttpRequest r = new HttpRequest(request.getMethod(), request.getHttpURI().getPath(),
              Request.getRemoteAddr(request), n -> request.getHeaders().get(n), bytes);
          HttpResponse out;
          try {
            out = handler.handle(r);
          } catch (Exception | Error e) {
            LOG.error("{}: request {} {} failed: {}", name, r.method(), r.path(), e.toString(), e);
            out = new HttpResponse(500, "text/plain; charset=utf-8",
                ("internal error: " + e + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          reply(response, callback, out);
        }));
        return true;
      }
    });
    try {
      server.start();
    } catch (java.io.IOException e) {
      stopQuietly(server);
      throw e;
    } catch (Exception e) {
      stopQuietly(server);
      throw new java.io.IOException(e.getMessage(), e);
    }
    return new LoopbackHttp(server, c.getLocalPort());
  }

  private static void reply(Response response, Callback callback, HttpResponse out) {
    response.setStatus(out.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.body().length);
    response.write(true, ByteBuffer.wrap(out.body()), callback);
  }

  private static void stopQuietly(Server s) {
    try {
      s.stop();
    } catch (Exception e) {
      LOG.debug("stopping after a failed start: {}", e.toString());
    }
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Stops at once. */
  @Override
  public void close() {
    try {
      server.setStopTimeout(0);
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.toString());
    }
  }
}
