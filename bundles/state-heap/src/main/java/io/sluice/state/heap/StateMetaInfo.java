package io.sluice.state.heap;

import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.api.state.StateTtlConfig;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What a registered state is: its name, kind, types and time-to-live. Two registrations of one name
 * must agree on all of it, so that a function cannot read a list where another wrote a map, nor a
 * bare value where timestamped ones are stored. The functions of reducing and aggregating state are
 * not part of it: the first registration's function stays.
 *
 * @param mapKeyType the type of the map keys for {@link Kind#MAP}, null for the other kinds
 * @param ttlConfig the time-to-live, {@link StateTtlConfig#DISABLED} when there is none
 */
record StateMetaInfo(
    String name, Kind kind, Type valueType, Type mapKeyType, StateTtlConfig ttlConfig) {

  StateMetaInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(ttlConfig, "ttlConfig");
    if ((kind == Kind.MAP) != (mapKeyType != null)) {
      throw new IllegalArgumentException("a map key type is required for MAP state and only there");
    }
  }

  /** Reads the types without touching the descriptor's serializers, which the heap never needs. */
  static StateMetaInfo of(StateDescriptor<?, ?> descriptor) {
    Objects.requireNonNull(descriptor, "state descriptor");
    Type mapKeyType = descriptor instanceof MapStateDescriptor<?, ?> map ? map.getKeyType() : null;
    return new StateMetaInfo(
        descriptor.getName(),
        descriptor.getKind(),
        descriptor.getValueType(),
        mapKeyType,
        descriptor.getTtlConfig());
  }

  /** Whether the state holds one object per key (value, reducing, aggregating). */
  boolean isValueLike() {
    return kind != Kind.LIST && kind != Kind.MAP;
  }

  /** E.g. {@code MAP<java.lang.String, java.lang.Long> with StateTtlConfig{...}}, for errors. */
  String describe() {
    return kind
        + "<"
        + (mapKeyType == null ? "" : mapKeyType.getTypeName() + ", ")
        + valueType.getTypeName()
        + ">"
        + (ttlConfig.isEnabled() ? " with " + ttlConfig : " without ttl");
  }
}
