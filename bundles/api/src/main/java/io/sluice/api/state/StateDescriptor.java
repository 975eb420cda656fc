package io.sluice.api.state;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a piece of keyed state and the type of what it holds. The serializer is derived from the
 * Java type the first time it is needed, so a descriptor can be built in a function's constructor.
 *
 * <p>Time-to-live is off until {@link #enableTimeToLive} is called; a backend reads the
 * configuration when the state is first registered under the descriptor's name.
 *
 * @param <S> the state handle type
 * @param <T> the stored value type (for maps: the value type, the key type is in {@link
 *     MapStateDescriptor}; for aggregating state: the accumulator type)
 */
public abstract class StateDescriptor<S extends State, T> {

  /** The kinds of keyed state; backends switch on this rather than on descriptor classes. */
  public enum Kind {
    VALUE,
    LIST,
    MAP,
    REDUCING,
    AGGREGATING
  }

  private final String name;
  private final Type valueType;
  private TypeSerializer<T> serializer;
  private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

  protected StateDescriptor(String name, Type valueType) {
    this.name = Objects.requireNonNull(name, "state name");
    this.valueType = Objects.requireNonNull(valueType, "state value type");
  }

  protected StateDescriptor(String name, TypeSerializer<T> serializer) {
    this.name = Objects.requireNonNull(name, "state name");
    this.serializer = Objects.requireNonNull(serializer, "state serializer");
    this.valueType = serializer.type();
  }

  public final String getName() {
    return name;
  }

  public abstract Kind getKind();

  public final Type getValueType() {
    return valueType;
  }

  /** The serializer of the stored values, derived from the value type on first use. */
  public final TypeSerializer<T> getSerializer() {
    if (serializer == null) {
      serializer = TypeSerializers.forType(valueType);
    }
    return serializer;
  }

  /**
   * Lets the state's values expire {@code ttlConfig.getTtl()} after they were written (or read);
   * {@link StateTtlConfig#DISABLED} turns time-to-live off again. Call before the state is first
   * used.
   */
  public final void enableTimeToLive(StateTtlConfig ttlConfig) {
    this.ttlConfig = Objects.requireNonNull(ttlConfig, "state ttl config");
  }

  /** The time-to-live of the state; {@link StateTtlConfig#DISABLED} unless enabled. */
  public final StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{"
        + name
        + ": "
        + valueType.getTypeName()
        + (ttlConfig.isEnabled() ? ", " + ttlConfig : "")
        + "}";
  }
}
