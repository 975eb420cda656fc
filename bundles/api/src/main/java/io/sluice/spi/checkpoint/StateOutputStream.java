package io.sluice.spi.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A piece of checkpoint state being written. Use it in try-with-resources and return the handle
 * from inside, so a failure abandons the piece:
 *
 * <pre>{@code
 * try (StateOutputStream out = storage.createStateStream(jobId, checkpointId, "op-1-0")) {
 *   snapshot.writeTo(out);
 *   return out.closeAndGetHandle();
 * }
 * }</pre>
 *
 * <p>Confined to one thread at a time, which need not be the one that created it.
 */
@ProviderType
public abstract class StateOutputStream extends OutputStream {

  /**
   * Makes the piece durable and returns its handle, with the length and checksum the storage
   * verifies later. The stream is closed afterwards.
   */
  public abstract StateHandle closeAndGetHandle() throws IOException;

  /** Abandons the piece (deleting what was written) unless {@link #closeAndGetHandle} succeeded. */
  @Override
  public abstract void close() throws IOException;
}
