package io.sluice.bench.flink;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.ChecksumAccumulator;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A discarding Flink sink that still consumes every record (see {@link ChecksumAccumulator}). */
public final class ChecksumSink implements Sink<Object> {
  private static final long serialVersionUID = 1L;
  private final Benchmark benchmark;

  public ChecksumSink(Benchmark benchmark) {
    this.benchmark = benchmark;
  }

  @Override
  public SinkWriter<Object> createWriter(WriterInitContext context) {
    ChecksumAccumulator accumulator = new ChecksumAccumulator(benchmark);
    return new SinkWriter<>() {
      @Override
      public void write(Object element, Context ctx) {
        accumulator.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {
        if (endOfInput) {
          accumulator.endOfInput();
        }
      }

      @Override
      public void close() {}
    };
  }
}
