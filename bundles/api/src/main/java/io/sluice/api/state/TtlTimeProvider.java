package io.sluice.api.state;

/**
 * The clock that state time-to-live reads, in milliseconds. Production uses {@link #DEFAULT}; tests
 * plug a manual clock into {@link StateTtlConfig.Builder#setTimeProvider} to expire state without
 * waiting. Called on the task thread that accesses the state.
 */
@FunctionalInterface
public interface TtlTimeProvider {

  /** The wall clock, {@link System#currentTimeMillis()}. */
  TtlTimeProvider DEFAULT = System::currentTimeMillis;

  long currentTimestamp();
}
