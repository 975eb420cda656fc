package io.sluice.api.connector.sink;

import java.io.PrintStream;

/**
 * Prints each element to standard output, prefixed with the subtask ({@code 2> value}) when several
 * writers run, as Flink's {@code print()} does.
 */
public final class PrintSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public SinkWriter<T> createWriter(InitContext context) {
    String prefix = context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "";
    PrintStream out = System.out;
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        out.println(prefix + element);
      }

      @Override
      public void flush(boolean endOfInput) {
        out.flush();
      }

      @Override
      public void close() {}
    };
  }
}
