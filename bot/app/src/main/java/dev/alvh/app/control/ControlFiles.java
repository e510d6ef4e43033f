package dev.alvh.app.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The files through which {@code console} and {@code ctl} find a running bot in its data
 * directory: {@code control.token} (a random secret made at first start, readable by its owner
 * alone) and {@code control.json} (pid, port and URLs, written at each start and removed at a
 * clean stop).
 */
public final class ControlFiles {

  /** The token file's name. */
  public static final String TOKEN = "control.token";
  /** The endpoint file's name. */
  public static final String ENDPOINT = "control.json";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TOKEN_BYTES = 32;

  private ControlFiles() {
  }

  /** Where a running bot listens. */
  public record Endpoint(long pid, int port, String url, String commandUrl, String healthUrl, String startedAt) {
  }

  /**
   * The token of the bot with data directory {@code dir}: read when it exists (its permissions
   * are reset to owner-only), otherwise made from 32 random bytes and written readable by the
   * owner alone.
   */
  public static String loadOrCreateToken(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path f = dir.resolve(TOKEN);
    if (!Files.exists(f)) {
      byte[] b = new byte[TOKEN_BYTES];
      new SecureRandom().nextBytes(b);
      String token = HexFormat.of().formatHex(b);
      try {
        if (posix(dir)) {
          Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(f);
        }
        Files.writeString(f, token + "\n", StandardCharsets.US_ASCII);
      } catch (FileAlreadyExistsException e) {
        // another process made it first: use theirs
      }
    }
    if (posix(dir)) {
      Files.setPosixFilePermissions(f, OWNER_ONLY);
    }
    return readToken(dir);
  }

  /** The token in {@code dir}. */
  public static String readToken(Path dir) throws IOException {
    String t = Files.readString(dir.resolve(TOKEN), StandardCharsets.US_ASCII).strip();
    if (t.isEmpty()) {
      throw new IOException(dir.resolve(TOKEN) + " is empty");
    }
    return t;
  }

  /** Writes {@code e} to {@code dir/control.json}, replacing it at once. */
  public static void writeEndpoint(Path dir, Endpoint e) throws IOException {
    Path tmp = dir.resolve(ENDPOINT + ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(e));
    Files.move(tmp, dir.resolve(ENDPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The endpoint written by the bot of {@code dir}, when one is there. */
  public static Optional<Endpoint> readEndpoint(Path dir) throws IOException {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(dir.resolve(ENDPOINT)), Endpoint.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Removes {@code dir/control.json} if it names process {@code pid}. */
  public static void removeEndpoint(Path dir, long pid) {
    try {
      Optional<Endpoint> e = readEndpoint(dir);
      if (e.isPresent() && e.get().pid() == pid) {
        Files.deleteIfExists(dir.resolve(ENDPOINT));
      }
    } catch (IOException e) {
      // best effort at shutdown: a stale file only makes the console say it cannot connect
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
