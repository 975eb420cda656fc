package io.sluice.state.heap;

import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.TtlTimeProvider;
import java.time.Duration;

/** A TTL clock that moves only when a test says so, and counts how often it was read. */
final class ManualClock implements TtlTimeProvider {
  private long now;
  private int reads;

  ManualClock(long start) {
    this.now = start;
  }

  @Override
  public long currentTimestamp() {
    reads++;
    return now;
  }

  void advance(long millis) {
    now += millis;
  }

  int reads() {
    return reads;
  }

  /** A config of {@code ttlMillis} on this clock that restarts the time-to-live on writes only. */
  StateTtlConfig onCreateAndWrite(long ttlMillis) {
    return StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .setTimeProvider(this)
        .build();
  }

  /** A config of {@code ttlMillis} on this clock that restarts the time-to-live on reads too. */
  StateTtlConfig onReadAndWrite(long ttlMillis) {
    return StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
        .updateTtlOnReadAndWrite()
        .neverReturnExpired()
        .setTimeProvider(this)
        .build();
  }
}
