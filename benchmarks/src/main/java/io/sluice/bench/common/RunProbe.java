package io.sluice.bench.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one benchmark job reports back to the JVM that runs it: when the first record was generated,
 * when the last sink finished, what the sinks saw, and the generation times of the latency-sampled
 * records. Static because each run has a JVM of its own and both engines run their tasks in that
 * JVM; {@link #reset} before each job. Thread-safe: sources and sinks of any subtask call in.
 */
public final class RunProbe {
  private static final AtomicLong sourceStartNanos = new AtomicLong();
  private static volatile AtomicLongArray emitNanos = new AtomicLongArray(1);
  private static final Object lock = new Object();
  private static long sinkEndNanos;
  private static long outputs;
  private static long checksum;
  private static int finishedSinks;
  private static LatencySamples latencies = new LatencySamples();

  private RunProbe() {}

  /** Forgets the previous job; {@code records} bounds the generator indices to be stamped. */
  public static void reset(long records) {
    synchronized (lock) {
      sourceStartNanos.set(0);
      emitNanos = new AtomicLongArray((int) (records / LatencySamples.EVERY) + 1);
      sinkEndNanos = 0;
      outputs = 0;
      checksum = 0;
      finishedSinks = 0;
      latencies = new LatencySamples();
    }
  }

  /**
   * A source subtask is about to emit records at {@code nanos}; the first offer of a job counts
   * (called per batch, so the caller needs no first-batch branch).
   */
  static void offerSourceStart(long nanos) {
    sourceStartNanos.compareAndSet(0, nanos);
  }

  /**
   * The generator is about to emit the latency-sampled record {@code index}; ignored beyond the
   * record count given to {@link #reset} (a job run without a reset, as in tests).
   */
  static void stampEmit(long index) {
    AtomicLongArray stamps = emitNanos;
    long slot = index / LatencySamples.EVERY;
    if (slot < stamps.length()) {
      stamps.set((int) slot, System.nanoTime());
    }
  }

  /** When the sampled record {@code index} was generated, or 0 if it was not stamped. */
  public static long emitNanos(long index) {
    AtomicLongArray stamps = emitNanos;
    long slot = index / LatencySamples.EVERY;
    return slot < stamps.length() ? stamps.get((int) slot) : 0;
  }

  /** A sink subtask reached the end of its input. */
  public static void sinkFinished(long count, long sum, LatencySamples samples) {
    long now = System.nanoTime();
    synchronized (lock) {
      sinkEndNanos = Math.max(sinkEndNanos, now);
      outputs += count;
      checksum += sum;
      finishedSinks++;
      latencies.addAll(samples);
    }
  }

  /** What the sinks reported since the last {@link #reset}. */
  public static Observation observe() {
    synchronized (lock) {
      long start = sourceStartNanos.get();
      long processing = start == 0 || sinkEndNanos == 0 ? 0 : sinkEndNanos - start;
      return new Observation(processing, outputs, checksum, finishedSinks, latencies.percentiles());
    }
  }

  /**
   * @param processingNanos from the first generated record to the end of the last sink
   * @param outputs records the sinks consumed
   * @param checksum the sum of the outputs' fingerprints: independent of order and subtask
   * @param finishedSinks sink subtasks that reached the end of input
   * @param latency percentiles, or null where the benchmark does not measure latency
   */
  public record Observation(
      long processingNanos,
      long outputs,
      long checksum,
      int finishedSinks,
      LatencySamples.Percentiles latency) {}
}
