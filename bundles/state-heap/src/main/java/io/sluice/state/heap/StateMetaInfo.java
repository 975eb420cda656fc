package io.sluice.state.heap;

import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateDescriptor.Kind;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What a registered state is: its name, kind and types. Two registrations of one name must agree on
 * all of it, so that a function cannot read a list where another wrote a map.
 *
 * @param mapKeyType the type of the map keys for {@link Kind#MAP}, null for the other kinds
 */
record StateMetaInfo(String name, Kind kind, Type valueType, Type mapKeyType) {

  StateMetaInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(valueType, "valueType");
    if ((kind == Kind.MAP) != (mapKeyType != null)) {
      throw new IllegalArgumentException("a map key type is required for MAP state and only there");
    }
  }

  /** Reads the types without touching the descriptor's serializers, which the heap never needs. */
  static StateMetaInfo of(StateDescriptor<?, ?> descriptor) {
    Objects.requireNonNull(descriptor, "state descriptor");
    Type mapKeyType = descriptor instanceof MapStateDescriptor<?, ?> map ? map.getKeyType() : null;
    return new StateMetaInfo(
        descriptor.getName(), descriptor.getKind(), descriptor.getValueType(), mapKeyType);
  }

  /** E.g. {@code MAP<java.lang.String, java.lang.Long>}, for error messages. */
  String describe() {
    return kind
        + "<"
        + (mapKeyType == null ? "" : mapKeyType.getTypeName() + ", ")
        + valueType.getTypeName()
        + ">";
  }
}
