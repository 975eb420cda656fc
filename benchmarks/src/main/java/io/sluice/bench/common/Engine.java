package io.sluice.bench.common;

/**
 * One engine's way of running a benchmark job to its end. The job uses a generator source per
 * subtask and {@link ChecksumAccumulator} sinks, which report to {@link RunProbe}.
 */
public interface Engine {
  /** The network buffer timeout of both engines (Flink's default). */
  long BUFFER_TIMEOUT_MILLIS = 100;

  /** "sluice" or "flink". */
  String id();

  /** The engine's version, for the result files. */
  String version();

  /** Builds and runs the job and blocks until it finished; throws if it failed. */
  void run(Benchmark benchmark, long records, int parallelism) throws Exception;
}
