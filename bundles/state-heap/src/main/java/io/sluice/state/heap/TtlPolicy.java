package io.sluice.state.heap;

import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.TtlTimeProvider;
import java.time.Duration;

/**
 * The time-to-live of one registered state, reduced to what an access needs: when a value expires
 * and whether reads restart its life. A value stamped at {@code t} has expired from {@code t + ttl}
 * on, as in Flink.
 *
 * @param ttlMillis the time-to-live, positive; {@link Long#MAX_VALUE} for "as long as a long goes"
 * @param refreshOnRead whether reads stamp the value with the current time ({@code OnReadAndWrite})
 * @param clock the time source
 */
record TtlPolicy(long ttlMillis, boolean refreshOnRead, TtlTimeProvider clock) {

  private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

  /** The policy of an enabled configuration, or null when time-to-live is disabled. */
  static TtlPolicy of(StateTtlConfig config) {
    if (!config.isEnabled()) {
      return null;
    }
    Duration ttl = config.getTtl();
    long ttlMillis = ttl.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : ttl.toMillis();
    return new TtlPolicy(
        ttlMillis,
        config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite,
        config.getTimeProvider());
  }

  long now() {
    return clock.currentTimestamp();
  }

  <V> TtlValue<V> stamp(V value, long now) {
    return new TtlValue<>(value, now);
  }

  boolean isExpired(TtlValue<?> stored, long now) {
    long stampedAt = stored.timestamp();
    long expiresAt =
        stampedAt > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : stampedAt + ttlMillis;
    return expiresAt <= now;
  }
}
