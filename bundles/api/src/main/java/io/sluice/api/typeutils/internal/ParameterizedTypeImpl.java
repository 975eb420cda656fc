package io.sluice.api.typeutils.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link ParameterizedType} built at run time (by {@code Types} or by type-variable resolution).
 * Equal to, and hashing like, the JDK's own instances for the same type, so both can be mixed as
 * map keys.
 */
public final class ParameterizedTypeImpl implements ParameterizedType {
  private final Class<?> rawType;
  private final Type[] arguments;
  private final Type ownerType;

  public ParameterizedTypeImpl(Class<?> rawType, Type[] arguments, Type ownerType) {
    this.rawType = Objects.requireNonNull(rawType, "raw type");
    this.arguments = arguments.clone();
    this.ownerType = ownerType;
    int expected = rawType.getTypeParameters().length;
    if (expected != arguments.length) {
      throw new IllegalArgumentException(
          rawType.getName() + " takes " + expected + " type arguments, got " + arguments.length);
    }
    for (Type argument : arguments) {
      Objects.requireNonNull(argument, "type argument of " + rawType.getName());
      if (argument instanceof Class<?> c && c.isPrimitive()) {
        throw new IllegalArgumentException(
            "a type argument cannot be the primitive " + c + "; use its boxed class");
      }
    }
  }

  /** A parameterized type whose owner is the raw type's declaring class, as javac would write. */
  public static ParameterizedTypeImpl of(Class<?> rawType, Type... arguments) {
    return new ParameterizedTypeImpl(rawType, arguments, rawType.getDeclaringClass());
  }

  @Override
  public Type[] getActualTypeArguments() {
    return arguments.clone();
  }

  @Override
  public Class<?> getRawType() {
    return rawType;
  }

  @Override
  public Type getOwnerType() {
    return ownerType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterizedType other
        && rawType.equals(other.getRawType())
        && Objects.equals(ownerType, other.getOwnerType())
        && Arrays.equals(arguments, other.getActualTypeArguments());
  }

  /** The JDK's formula, so JDK and Sluice instances of one type share a hash bucket. */
  @Override
  public int hashCode() {
    return Arrays.hashCode(arguments) ^ Objects.hashCode(ownerType) ^ rawType.hashCode();
  }

  @Override
  public String toString() {
    return getTypeName();
  }

  @Override
  public String getTypeName() {
    StringBuilder sb = new StringBuilder(rawType.getName()).append('<');
    for (int i = 0; i < arguments.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
    }
    return sb.append('>').toString();
  }
}
