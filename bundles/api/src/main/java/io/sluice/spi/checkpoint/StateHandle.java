package io.sluice.spi.checkpoint;

import java.util.Objects;

/**
 * A durable piece of checkpoint state: which storage holds it, where, and how to recognise it
 * intact. Travels from the task that wrote it to the coordinator, which commits it with the
 * checkpoint.
 *
 * @param storage the {@link CheckpointStorage#name()} that issued it
 * @param location where that storage keeps it (meaningful only to that storage)
 * @param length the number of bytes written
 * @param checksum the CRC-32C of those bytes
 */
public record StateHandle(String storage, String location, long length, long checksum) {
  public StateHandle {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(location, "location");
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length + " of " + location);
    }
  }
}
