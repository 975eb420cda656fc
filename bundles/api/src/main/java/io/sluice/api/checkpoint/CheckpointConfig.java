package io.sluice.api.checkpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job takes checkpoints. Immutable; change it through the {@code with*} methods.
 *
 * <pre>{@code
 * env.enableCheckpointing(Duration.ofSeconds(1), CheckpointingMode.EXACTLY_ONCE);
 * env.setCheckpointConfig(env.getCheckpointConfig().withRetainedCheckpoints(3));
 * }</pre>
 *
 * @param interval time between the starts of two periodic checkpoints; {@link Duration#ZERO} turns
 *     periodic checkpoints off (savepoints still work)
 * @param mode exactly-once (aligned barriers) or at-least-once
 * @param timeout a checkpoint not complete after this long is aborted
 * @param minPause the least time between the end of one checkpoint and the start of the next
 * @param maxConcurrent how many checkpoints may be in progress at once
 * @param tolerableFailures how many consecutive failed checkpoints the job tolerates before it
 *     fails (and restarts by its restart strategy)
 * @param retained how many completed checkpoints are kept; older ones are deleted
 */
public record CheckpointConfig(
    Duration interval,
    CheckpointingMode mode,
    Duration timeout,
    Duration minPause,
    int maxConcurrent,
    int tolerableFailures,
    int retained) {

  /** Checkpointing off; the other values are Flink's defaults. */
  public static final CheckpointConfig DISABLED =
      new CheckpointConfig(
          Duration.ZERO,
          CheckpointingMode.EXACTLY_ONCE,
          Duration.ofMinutes(10),
          Duration.ZERO,
          1,
          0,
          1);

  public CheckpointConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(minPause, "minPause");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("checkpoint interval must not be negative: " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("checkpoint timeout must be positive: " + timeout);
    }
    if (minPause.isNegative()) {
      throw new IllegalArgumentException("minimum pause must not be negative: " + minPause);
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "max concurrent checkpoints must be >= 1: " + maxConcurrent);
    }
    if (tolerableFailures < 0) {
      throw new IllegalArgumentException(
          "tolerable checkpoint failures must be >= 0: " + tolerableFailures);
    }
    if (retained < 1) {
      throw new IllegalArgumentException("retained checkpoints must be >= 1: " + retained);
    }
  }

  /** Whether periodic checkpoints are on. */
  public boolean isEnabled() {
    return !interval.isZero();
  }

  public CheckpointConfig withInterval(Duration value) {
    return new CheckpointConfig(
        value, mode, timeout, minPause, maxConcurrent, tolerableFailures, retained);
  }

  public CheckpointConfig withMode(CheckpointingMode value) {
    return new CheckpointConfig(
        interval, value, timeout, minPause, maxConcurrent, tolerableFailures, retained);
  }

  public CheckpointConfig withTimeout(Duration value) {
    return new CheckpointConfig(
        interval, mode, value, minPause, maxConcurrent, tolerableFailures, retained);
  }

  public CheckpointConfig withMinPause(Duration value) {
    return new CheckpointConfig(
        interval, mode, timeout, value, maxConcurrent, tolerableFailures, retained);
  }

  public CheckpointConfig withMaxConcurrent(int value) {
    return new CheckpointConfig(
        interval, mode, timeout, minPause, value, tolerableFailures, retained);
  }

  public CheckpointConfig withTolerableFailures(int value) {
    return new CheckpointConfig(interval, mode, timeout, minPause, maxConcurrent, value, retained);
  }

  public CheckpointConfig withRetainedCheckpoints(int value) {
    return new CheckpointConfig(
        interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, value);
  }
}
