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
   * <p>No branch in here depends on where the range stands: the first batch is not told apart
   * (every batch offers its start time, the earliest counts) and the batch's size is computed up
   * front. A branch taken only at a range's start or end is one C2 never saw taken while compiling
   * this loop, so it compiles it as a trap; the trap fired at the end of the warm-up job (or the
   * start of the measured one) and threw the loop's compiled code away, and what the recompiled
   * loop inlined depended on what had been compiled on its own meanwhile. Every engine's measured
   * run, the plain loop's too, came out at one of two speeds (7.6 or 20 M events/s for the plain
   * NEXMark q0 loop in one run).
   *
   * @return how many records of the range are left to emit (0 once it is exhausted)
   */
  public long emitBatch(Consumer<T> output) {
    RunProbe.offerSourceStart(System.nanoTime());
    long left = left();
    long count = atMostOneBatch(left);
    for (long i = 0; i < count; i++) {
      long index = next;
      next += stride;
      if (stampLatency && index % LatencySamples.EVERY == 0) {
        RunProbe.stampEmit(index);
      }
      output.accept(generator.generate(index));
    }
    return left - count;
  }

  /** Records left in the range: 0 once it is exhausted (never negative; no branch). */
  private long left() {
    long left = (end - next + stride - 1) / stride;
    return left & ~(left >> 63);
  }

  /** {@code min(left, BATCH)} without a branch. */
  private static long atMostOneBatch(long left) {
    long over = BATCH - left;
    return left + (over & (over >> 63));
  }

  /** What is left, for a checkpoint. */
  public StridedRange remaining() {
    return new StridedRange(Math.min(next, end), stride, end);
  }
}
