package io.sluice.api;

import io.sluice.api.checkpoint.CheckpointConfig;
import io.sluice.api.checkpoint.RestartStrategy;
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
 * @param checkpointConfig when and how checkpoints are taken ({@link CheckpointConfig#DISABLED} by
 *     default)
 * @param restartStrategy what happens when a task fails; null means the default: no restarts
 *     without checkpointing, exponential backoff (1 s doubling to 60 s, unbounded attempts) with
 *     it, as in Flink
 */
public record ExecutionConfig(
    int parallelism,
    int maxParallelism,
    long bufferTimeoutMillis,
    long autoWatermarkIntervalMillis,
    CheckpointConfig checkpointConfig,
    RestartStrategy restartStrategy) {

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

  public ExecutionConfig(
      int parallelism,
      int maxParallelism,
      long bufferTimeoutMillis,
      long autoWatermarkIntervalMillis) {
    this(
        parallelism,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        CheckpointConfig.DISABLED,
        null);
  }

  public ExecutionConfig {
    java.util.Objects.requireNonNull(checkpointConfig, "checkpointConfig");
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

  /** The restart strategy in force: the configured one, or the default described above. */
  public RestartStrategy effectiveRestartStrategy() {
    if (restartStrategy != null) {
      return restartStrategy;
    }
    return checkpointConfig.isEnabled()
        ? RestartStrategy.exponentialBackoff(
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(60),
            2.0,
            Integer.MAX_VALUE)
        : RestartStrategy.none();
  }

  public ExecutionConfig withParallelism(int value) {
    return new ExecutionConfig(
        value,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        checkpointConfig,
        restartStrategy);
  }

  public ExecutionConfig withMaxParallelism(int value) {
    return new ExecutionConfig(
        parallelism,
        value,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        checkpointConfig,
        restartStrategy);
  }

  public ExecutionConfig withBufferTimeoutMillis(long value) {
    return new ExecutionConfig(
        parallelism,
        maxParallelism,
        value,
        autoWatermarkIntervalMillis,
        checkpointConfig,
        restartStrategy);
  }

  public ExecutionConfig withAutoWatermarkIntervalMillis(long value) {
    return new ExecutionConfig(
        parallelism, maxParallelism, bufferTimeoutMillis, value, checkpointConfig, restartStrategy);
  }

  public ExecutionConfig withCheckpointConfig(CheckpointConfig value) {
    return new ExecutionConfig(
        parallelism,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        value,
        restartStrategy);
  }

  public ExecutionConfig withRestartStrategy(RestartStrategy value) {
    return new ExecutionConfig(
        parallelism,
        maxParallelism,
        bufferTimeoutMillis,
        autoWatermarkIntervalMillis,
        checkpointConfig,
        value);
  }
}
