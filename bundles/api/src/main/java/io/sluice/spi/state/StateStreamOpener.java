package io.sluice.spi.state;

import io.sluice.spi.checkpoint.StateHandle;
import java.io.IOException;
import java.io.InputStream;

/** Opens the pieces of a checkpoint for a restore (backed by the storage that wrote them). */
@FunctionalInterface
public interface StateStreamOpener {
  /**
   * @throws io.sluice.spi.checkpoint.CorruptCheckpointException when the piece does not verify
   */
  InputStream open(StateHandle piece) throws IOException;
}
