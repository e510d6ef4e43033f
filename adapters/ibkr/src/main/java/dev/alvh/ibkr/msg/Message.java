package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.FieldWriter;

/**
 * A TWS API message in either direction ({@link ClientMessage} or {@link ServerMessage}): an id
 * and a field list it writes itself.
 */
public interface Message {

  /** The message id (field 0). */
  int id();

  /** Writes every field of this message, the id first. */
  void writeTo(FieldWriter w);

  /** This message as framed bytes. */
  default byte[] toBytes() {
    FieldWriter w = new FieldWriter();
    writeTo(w);
    return w.toBytes();
  }

  /**
   * A message that is its id and version 1 alone, {@code [id, 1]}, such as
   * {@link ClientMessage.ReqPositions} or {@link ServerMessage.PositionEnd}; its reader skips the
   * version ({@code Decoder.versionOnly}).
   */
  interface VersionOnly extends Message {
    @Override
    default void writeTo(FieldWriter w) {
      w.writeInt(id()).writeInt(1);
    }
  }

  /**
   * A message that is its id, version 1 and a request id alone, {@code [id, 1, reqId]}: a cancel
   * such as {@link ClientMessage.CancelAccountSummary} or an end marker such as
   * {@link ServerMessage.ContractDataEnd}; its reader skips the version
   * ({@code Decoder.versionAndReqId}).
   */
  interface VersionAndReqId extends Message {
    /** The id of the request cancelled or ended. */
    int reqId();

    @Override
    default void writeTo(FieldWriter w) {
      w.writeInt(id()).writeInt(1).writeInt(reqId());
    }
  }
}
