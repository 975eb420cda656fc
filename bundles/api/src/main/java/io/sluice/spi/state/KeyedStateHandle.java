package io.sluice.spi.state;

import io.sluice.spi.checkpoint.StateHandle;
import java.util.List;
import java.util.Objects;

/**
 * The keyed state of one operator subtask in one checkpoint: the format it was written in, the key
 * groups it covers and the pieces holding it. Recorded in the checkpoint's metadata by the runtime
 * and handed back to {@link KeyedStateBackend#restore} (of any backend, for the canonical format).
 *
 * @param format {@link #CANONICAL} or a backend's native format name
 * @param keyGroupRange the key groups the pieces hold
 * @param pieces the pieces, in the order the format defines
 * @param metadata format-specific bytes (for the canonical format: the offsets of the key groups in
 *     the first piece, see the canonical snapshot reader); the caller must not modify it
 */
public record KeyedStateHandle(
    String format, KeyGroupRange keyGroupRange, List<StateHandle> pieces, byte[] metadata) {

  /** The backend-independent format of the canonical snapshot writer in this package. */
  public static final String CANONICAL = "canonical-v1";

  public KeyedStateHandle {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(metadata, "metadata");
  }

  public boolean isCanonical() {
    return CANONICAL.equals(format);
  }
}
