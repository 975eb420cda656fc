package io.sluice.api.state;

import java.time.Duration;
import java.util.Objects;

/**
 * How long keyed state lives after it was last written (or read): the time-to-live that keeps state
 * of keys that went quiet from growing forever. Enabled per state with {@link
 * StateDescriptor#enableTimeToLive}:
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *     .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
 *     .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *     .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 *
 * <p>Time-to-live applies to each stored value: the value of a value, reducing or aggregating
 * state, each element of a list state, each entry of a map state. A value has expired once {@code
 * ttl} has passed since its timestamp ({@code timestamp + ttl <= now}); expired values are never
 * returned, and are removed when they are next touched. Time is processing time, read from the
 * {@link TtlTimeProvider}. Immutable; safe to share.
 */
public final class StateTtlConfig {

  /** What a state descriptor carries until time-to-live is enabled: state lives forever. */
  public static final StateTtlConfig DISABLED =
      newBuilder(Duration.ofMillis(Long.MAX_VALUE)).setUpdateType(UpdateType.Disabled).build();

  /** Which accesses set a value's timestamp to now. Names as in Flink. */
  public enum UpdateType {
    /** Time-to-live is off. */
    Disabled,
    /** Creating and writing a value restart its time-to-live; reading does not. */
    OnCreateAndWrite,
    /** Reading a value restarts its time-to-live too, so state in use stays alive. */
    OnReadAndWrite
  }

  /** Whether an expired value that is still stored may be returned. */
  public enum StateVisibility {
    /** An expired value reads as absent, whether or not it was removed yet. */
    NeverReturnExpired
  }

  private final Duration ttl;
  private final UpdateType updateType;
  private final StateVisibility stateVisibility;
  private final TtlTimeProvider timeProvider;

  private StateTtlConfig(Builder builder) {
    this.ttl = builder.ttl;
    this.updateType = builder.updateType;
    this.stateVisibility = builder.stateVisibility;
    this.timeProvider = builder.timeProvider;
  }

  /**
   * A builder that starts with {@link UpdateType#OnCreateAndWrite}, {@link
   * StateVisibility#NeverReturnExpired} and the {@link TtlTimeProvider#DEFAULT} clock.
   *
   * @param ttl how long a value lives after its timestamp; at least one millisecond
   */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  public Duration getTtl() {
    return ttl;
  }

  public UpdateType getUpdateType() {
    return updateType;
  }

  public StateVisibility getStateVisibility() {
    return stateVisibility;
  }

  public TtlTimeProvider getTimeProvider() {
    return timeProvider;
  }

  /** False for {@link UpdateType#Disabled}: the state then keeps no timestamps at all. */
  public boolean isEnabled() {
    return updateType != UpdateType.Disabled;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateTtlConfig that
        && ttl.equals(that.ttl)
        && updateType == that.updateType
        && stateVisibility == that.stateVisibility
        && timeProvider.equals(that.timeProvider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, updateType, stateVisibility, timeProvider);
  }

  @Override
  public String toString() {
    if (!isEnabled()) {
      return "StateTtlConfig{disabled}";
    }
    return "StateTtlConfig{ttl="
        + ttl
        + ", "
        + updateType
        + ", "
        + stateVisibility
        + (timeProvider == TtlTimeProvider.DEFAULT ? "" : ", time provider " + timeProvider)
        + "}";
  }

  /** Builds a {@link StateTtlConfig}; not thread-safe. */
  public static final class Builder {
    private Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
    private TtlTimeProvider timeProvider = TtlTimeProvider.DEFAULT;

    private Builder(Duration ttl) {
      setTtl(ttl);
    }

    /** How long a value lives after its timestamp; at least one millisecond. */
    public Builder setTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "state ttl");
      if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException(
            "state ttl must be at least 1 ms, was " + ttl + "; TTL is measured in milliseconds");
      }
      this.ttl = ttl;
      return this;
    }

    public Builder setUpdateType(UpdateType updateType) {
      this.updateType = Objects.requireNonNull(updateType, "ttl update type");
      return this;
    }

    /** Same as {@code setUpdateType(UpdateType.OnCreateAndWrite)}. */
    public Builder updateTtlOnCreateAndWrite() {
      return setUpdateType(UpdateType.OnCreateAndWrite);
    }

    /** Same as {@code setUpdateType(UpdateType.OnReadAndWrite)}. */
    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.OnReadAndWrite);
    }

    public Builder setStateVisibility(StateVisibility stateVisibility) {
      this.stateVisibility = Objects.requireNonNull(stateVisibility, "ttl state visibility");
      return this;
    }

    /** Same as {@code setStateVisibility(StateVisibility.NeverReturnExpired)}. */
    public Builder neverReturnExpired() {
      return setStateVisibility(StateVisibility.NeverReturnExpired);
    }

    /** The clock that decides expiry; tests pass a manual one. */
    public Builder setTimeProvider(TtlTimeProvider timeProvider) {
      this.timeProvider = Objects.requireNonNull(timeProvider, "ttl time provider");
      return this;
    }

    public StateTtlConfig build() {
      return new StateTtlConfig(this);
    }
  }
}
