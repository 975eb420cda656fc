package io.sluice.bench.common;

import java.util.Arrays;

/**
 * Latencies (nanoseconds from generation to the sink) of every {@link #EVERY}-th record. One
 * instance per sink subtask, merged when the sinks finish; not thread-safe.
 */
public final class LatencySamples {
  /** One record in this many is timed. */
  public static final long EVERY = 1024;

  private long[] nanos = new long[256];
  private int size;

  public void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  public void addAll(LatencySamples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.nanos[i]);
    }
  }

  public int size() {
    return size;
  }

  /** The percentiles in microseconds, or null without samples. */
  public Percentiles percentiles() {
    if (size == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    return new Percentiles(
        micros(sorted, 0.50), micros(sorted, 0.99), micros(sorted, 0.999), sorted[size - 1] / 1e3);
  }

  private static double micros(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e3;
  }

  /** Nearest-rank latency percentiles, in microseconds. */
  public record Percentiles(double p50, double p99, double p999, double max) {}
}
