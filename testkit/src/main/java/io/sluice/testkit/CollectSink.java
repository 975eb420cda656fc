package io.sluice.testkit;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sink that keeps every element in memory, for assertions. Works because local jobs share the JVM
 * (and the sink instance) with the test.
 */
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final transient List<T> elements = Collections.synchronizedList(new ArrayList<>());
  private final transient List<Long> timestamps = Collections.synchronizedList(new ArrayList<>());

  @Override
  public SinkWriter<T> createWriter(InitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        synchronized (elements) {
          elements.add(element);
          timestamps.add(ctx.timestamp());
        }
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  /** A copy of what was written so far, in arrival order. */
  public List<T> elements() {
    synchronized (elements) {
      return new ArrayList<>(elements);
    }
  }

  /** The timestamps of {@link #elements()}, null where an element had none. */
  public List<Long> timestamps() {
    synchronized (elements) {
      return new ArrayList<>(timestamps);
    }
  }
}
