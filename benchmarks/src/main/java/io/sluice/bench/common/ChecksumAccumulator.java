package io.sluice.bench.common;

/**
 * The work of a discarding sink subtask: it consumes every output into a count and a checksum (so
 * no engine can skip producing it), samples latency where the benchmark measures it, and reports to
 * {@link RunProbe} at the end of input. Confined to the sink subtask's thread.
 */
public final class ChecksumAccumulator {
  private final Benchmark benchmark;
  private final boolean latency;
  private final LatencySamples samples = new LatencySamples();
  private long count;
  private long sum;
  private boolean published;

  public ChecksumAccumulator(Benchmark benchmark) {
    this.benchmark = benchmark;
    this.latency = benchmark.tracksLatency();
  }

  public void add(Object output) {
    count++;
    sum += Fingerprint.of(output);
    if (latency) {
      long index = benchmark.originIndex(output);
      if (index % LatencySamples.EVERY == 0) {
        long emitted = RunProbe.emitNanos(index);
        if (emitted != 0) {
          samples.add(System.nanoTime() - emitted);
        }
      }
    }
  }

  /** Reports once, at the end of input. */
  public void endOfInput() {
    if (!published) {
      published = true;
      RunProbe.sinkFinished(count, sum, samples);
    }
  }
}
