package dev.alvh.ibkr.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-assembles frames for tests, independently of {@link FieldWriter}. */
public final class Bytes {

  private Bytes() {
  }

  /** Builds {@code [len BE32][f0 NUL f1 NUL ...]} from the given field texts. */
  public static byte[] frame(String... fields) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (String f : fields) {
      byte[] b = f.getBytes(StandardCharsets.US_ASCII);
      payload.write(b, 0, b.length);
      payload.write(0);
    }
    return withLength(payload.toByteArray());
  }

  /** Builds a frame from a list of field texts. */
  public static byte[] frame(List<String> fields) {
    return frame(fields.toArray(new String[0]));
  }

  /** Prefixes {@code payload} with its 4-byte big-endian length. */
  public static byte[] withLength(byte[] payload) {
    int n = payload.length;
    byte[] out = new byte[n + 4];
    out[0] = (byte) (n >>> 24);
    out[1] = (byte) (n >>> 16);
    out[2] = (byte) (n >>> 8);
    out[3] = (byte) n;
    System.arraycopy(payload, 0, out, 4, n);
    return out;
  }

  /** Parses hex like {@code "41 50 49 00"}. */
  public static byte[] hex(String hex) {
    String[] parts = hex.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
