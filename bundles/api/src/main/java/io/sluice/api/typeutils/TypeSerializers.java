package io.sluice.api.typeutils;

import java.lang.reflect.Type;

/** Derives serializers from Java types. (Being written: see the serializers work item.) */
public final class TypeSerializers {
  private TypeSerializers() {}

  /**
   * The serializer for {@code type}.
   *
   * @throws InvalidTypesException naming the type and field path if the type cannot be serialized
   */
  public static <T> TypeSerializer<T> forType(Type type) {
    throw new InvalidTypesException("no serializer yet for " + type.getTypeName());
  }
}
