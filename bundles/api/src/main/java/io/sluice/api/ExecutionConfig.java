package io.sluice.api;

import io.sluice.spi.state.KeyGroups;

/**
 * Settings of one job execution.
 *
 * @param parallelism default parallelism of operators that do not set their own
 * @param maxParallelism number of key groups (the upper bound for rescaling keyed state)
 * @param bufferTimeoutMillis how long a partly filled network buffer may wait before it is sent; 0
 *     sends after every record
 * @param autoWatermarkIntervalMillis how often sources ask their watermark generators for a
 *     periodic watermark (and check idleness); 0 turns periodic watermarks off
 */
public record ExecutionConfig(
    int parallelism,
    int maxParallelism,
    long bufferTimeoutMillis,
    long autoWatermarkIntervalMillis) {

  public static final long DEFAULT_BUFFER_TIMEOUT_MILLIS = 100;

  /** Flink's default too. */
  public static final long DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS = 200;

  public static ExecutionConfig defaults() {
    return new ExecutionConfig(
        1,
        KeyGroups.DEFAULT_MAX_PARALLELISM,
        DEFAULT_BUFFER_TIMEOUT_MILLIS,
        DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS);
  }

  public ExecutionConfig {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
      throw new IllegalArgumentException(
          "max parallelism must be in [1, 32768]: " + maxParallelism);
    }
    if (bufferTimeoutMillis < 0) {
      throw new IllegalArgumentException(
          "buffer timeout must not be negative: " + bufferTimeoutMillis);
    }
    if (autoWatermarkIntervalMillis < 0) {
      throw new IllegalArgumentException(
          "auto-watermark interval must not be negative: " + autoWatermarkIntervalMillis);
    }
  }

  public ExecutionConfig withParallelism(int value) {
    return new ExecutionConfig(
        value, maxParallelism, bufferTimeoutMillis, autoWatermarkIntervalMillis);
  }

  public ExecutionConfig withMaxParallelism(int value) {
    return new ExecutionConfig(
        parallelism, value, bufferTimeoutMillis, autoWatermarkIntervalMillis);
  }

  public ExecutionConfig withBufferTimeoutMillis(long value) {
    return new ExecutionConfig(parallelism, maxParallelism, value, autoWatermarkIntervalMillis);
  }

  public ExecutionConfig withAutoWatermarkIntervalMillis(long value) {
    return new ExecutionConfig(parallelism, maxParallelism, bufferTimeoutMillis, value);
  }
}
