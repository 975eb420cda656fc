package io.sluice.api.connector.sink;

import java.io.IOException;

/** Writes the elements of one subtask; used only from that subtask's thread. */
public interface SinkWriter<T> extends AutoCloseable {

  void write(T element, Context context) throws IOException, InterruptedException;

  /**
   * Makes everything written so far durable (or ready to commit); {@code endOfInput} at the end.
   */
  void flush(boolean endOfInput) throws IOException, InterruptedException;

  @Override
  void close() throws Exception;

  /** What the writer can see of the element being written. */
  interface Context {
    /** The element's timestamp, or null. */
    Long timestamp();

    long currentWatermark();
  }
}
