package io.sluice.runtime.checkpoint;

import io.sluice.spi.state.SnapshotKind;
import java.nio.ByteBuffer;

/**
 * The marker that cuts the stream into before and after a checkpoint; sent through the network as
 * an event, ahead of which every element of the checkpoint travels.
 *
 * @param checkpointId the checkpoint
 * @param timestamp when the coordinator triggered it (epoch millis)
 * @param kind checkpoint or savepoint (savepoints are written in the canonical format)
 * @param stopSources whether sources stop emitting after it (stop-with-savepoint, backend swap)
 */
public record CheckpointBarrier(
    long checkpointId, long timestamp, SnapshotKind kind, boolean stopSources) {

  /** The first byte of a barrier event; other event types will take other values. */
  public static final byte EVENT_TYPE = 1;

  private static final int LENGTH = 1 + 8 + 8 + 1 + 1;

  public byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put(EVENT_TYPE)
        .putLong(checkpointId)
        .putLong(timestamp)
        .put((byte) kind.ordinal())
        .put((byte) (stopSources ? 1 : 0))
        .array();
  }

  /** Whether {@code event} is a barrier. */
  public static boolean isBarrier(byte[] event) {
    return event.length > 0 && event[0] == EVENT_TYPE;
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a barrier
   */
  public static CheckpointBarrier decode(byte[] event) {
    if (event.length != LENGTH || event[0] != EVENT_TYPE) {
      throw new IllegalArgumentException(
          "not a checkpoint barrier: "
              + event.length
              + " bytes, type "
              + (event.length > 0 ? event[0] : -1));
    }
    ByteBuffer in = ByteBuffer.wrap(event, 1, LENGTH - 1);
    long id = in.getLong();
    long timestamp = in.getLong();
    int kind = in.get();
    if (kind < 0 || kind >= SnapshotKind.values().length) {
      throw new IllegalArgumentException("checkpoint barrier of unknown kind " + kind);
    }
    return new CheckpointBarrier(id, timestamp, SnapshotKind.values()[kind], in.get() != 0);
  }
}
