package io.sluice.state.rocksdb;

import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.TtlTimeProvider;
import java.time.Duration;

/**
 * The time-to-live of one registered state as an access needs it: a value stamped at {@code t} has
 * expired from {@code t + ttl} on (saturating at {@link Long#MAX_VALUE}), and reads restamp it
 * under {@code OnReadAndWrite}. Immutable.
 *
 * @param ttlMillis the time-to-live, positive
 * @param refreshOnRead whether reads stamp the value with the current time
 * @param clock the time source
 */
record TtlPolicy(long ttlMillis, boolean refreshOnRead, TtlTimeProvider clock) {

  /** The policy of an enabled configuration, or null when time-to-live is disabled. */
  static TtlPolicy of(StateTtlConfig config) {
    if (!config.isEnabled()) {
      return null;
    }
    Duration ttl = config.getTtl();
    long millis;
    try {
      millis = ttl.toMillis();
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE;
    }
    return new TtlPolicy(
        millis,
        config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite,
        config.getTimeProvider());
  }

  long now() {
    return clock.currentTimestamp();
  }

  boolean isExpired(long stampedAt, long now) {
    long expiresAt =
        stampedAt > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : stampedAt + ttlMillis;
    return expiresAt <= now;
  }
}
