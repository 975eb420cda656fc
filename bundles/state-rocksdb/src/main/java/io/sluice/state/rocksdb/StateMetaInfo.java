package io.sluice.state.rocksdb;

import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.api.state.StateTtlConfig;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What a registered state is: its name, kind, types and time-to-live. Two registrations of one name
 * must agree on all of it, since the bytes in the column family were written for exactly that
 * layout: a list read as a map, or bare values read as timestamped ones, would be garbage. The
 * functions of reducing and aggregating state are not part of it: the first registration's stays.
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

  /** E.g. {@code MAP<java.lang.String, java.lang.Long> without ttl}, for errors. */
  String describe() {
    return kind
        + "<"
        + (mapKeyType == null ? "" : mapKeyType.getTypeName() + ", ")
        + valueType.getTypeName()
        + ">"
        + (ttlConfig.isEnabled() ? " with " + ttlConfig : " without ttl");
  }
}
