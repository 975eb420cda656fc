package io.sluice.api.checkpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * What the job does when a task fails: fail for good, or restart from the latest completed
 * checkpoint after a delay, a bounded number of times.
 *
 * <pre>{@code
 * env.setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofSeconds(1)));
 * }</pre>
 */
public sealed interface RestartStrategy {

  /** The delay before restart number {@code attempt} (from 1), or empty when the job must fail. */
  java.util.OptionalLong delayMillisBeforeAttempt(int attempt);

  /** Fail the job at the first task failure. */
  static RestartStrategy none() {
    return new NoRestart();
  }

  /** Restart up to {@code attempts} times, waiting {@code delay} before each. */
  static RestartStrategy fixedDelay(int attempts, Duration delay) {
    return new FixedDelay(attempts, delay);
  }

  /**
   * Restart up to {@code maxAttempts} times, waiting {@code initial}, then {@code multiplier} times
   * longer each time, at most {@code max}.
   */
  static RestartStrategy exponentialBackoff(
      Duration initial, Duration max, double multiplier, int maxAttempts) {
    return new ExponentialBackoff(initial, max, multiplier, maxAttempts);
  }

  /** No restarts. */
  record NoRestart() implements RestartStrategy {
    @Override
    public java.util.OptionalLong delayMillisBeforeAttempt(int attempt) {
      return java.util.OptionalLong.empty();
    }
  }

  /** A fixed number of restarts with a fixed delay. */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    public FixedDelay {
      Objects.requireNonNull(delay, "delay");
      if (attempts < 0 || delay.isNegative()) {
        throw new IllegalArgumentException(
            "restart attempts and delay must not be negative: " + attempts + ", " + delay);
      }
    }

    @Override
    public java.util.OptionalLong delayMillisBeforeAttempt(int attempt) {
      return attempt <= attempts
          ? java.util.OptionalLong.of(delay.toMillis())
          : java.util.OptionalLong.empty();
    }
  }

  /** Growing delays between restarts, up to a maximum number of attempts. */
  record ExponentialBackoff(Duration initial, Duration max, double multiplier, int maxAttempts)
      implements RestartStrategy {
    public ExponentialBackoff {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1 || maxAttempts < 0) {
        throw new IllegalArgumentException(
            "exponential backoff needs 0 <= initial <= max, multiplier >= 1, attempts >= 0");
      }
    }

    @Override
    public java.util.OptionalLong delayMillisBeforeAttempt(int attempt) {
      if (attempt > maxAttempts) {
        return java.util.OptionalLong.empty();
      }
      double delay = initial.toMillis() * Math.pow(multiplier, attempt - 1);
      return java.util.OptionalLong.of((long) Math.min(delay, max.toMillis()));
    }
  }
}
