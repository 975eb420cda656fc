package io.sluice.bench.common;

import java.util.function.Consumer;

/**
 * Walks one {@link StridedRange}, emitting generated records in batches: the reading loop both
 * engines' source readers share. Confined to the reading subtask's thread.
 */
public final class GeneratorCursor<T> {
  /** Records emitted per poll of the reader, on both engines. */
  public static final int BATCH = 256;

  private final RecordGenerator<T> generator;
  private final boolean stampLatency;
  private final long stride;
  private final long end;
  private long next;
  private boolean started;

  public GeneratorCursor(RecordGenerator<T> generator, StridedRange range, boolean stampLatency) {
    this.generator = generator;
    this.stampLatency = stampLatency;
    this.next = range.next();
    this.stride = range.stride();
    this.end = range.end();
  }

  /**
   * Emits up to {@link #BATCH} records.
   *
   * @return false once the range is exhausted
   */
  public boolean emitBatch(Consumer<T> output) {
    if (!started) {
      started = true;
      RunProbe.markSourceStart();
    }
    for (int i = 0; i < BATCH && next < end; i++) {
      long index = next;
      next += stride;
      if (stampLatency && index % LatencySamples.EVERY == 0) {
        RunProbe.stampEmit(index);
      }
      output.accept(generator.generate(index));
    }
    return next < end;
  }

  /** What is left, for a checkpoint. */
  public StridedRange remaining() {
    return new StridedRange(Math.min(next, end), stride, end);
  }
}
