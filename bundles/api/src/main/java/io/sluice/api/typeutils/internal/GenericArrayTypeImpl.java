package io.sluice.api.typeutils.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Type;
import java.util.Objects;

/** A {@link GenericArrayType} built by type-variable resolution; equal to the JDK's instances. */
public final class GenericArrayTypeImpl implements GenericArrayType {
  private final Type componentType;

  public GenericArrayTypeImpl(Type componentType) {
    this.componentType = Objects.requireNonNull(componentType, "component type");
  }

  @Override
  public Type getGenericComponentType() {
    return componentType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericArrayType other
        && componentType.equals(other.getGenericComponentType());
  }

  @Override
  public int hashCode() {
    return componentType.hashCode();
  }

  @Override
  public String toString() {
    return getTypeName();
  }

  @Override
  public String getTypeName() {
    return componentType.getTypeName() + "[]";
  }
}
