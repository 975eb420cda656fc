package io.sluice.api.typeutils.internal;

import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;

/** A {@link WildcardType} built by type-variable resolution; equal to the JDK's instances. */
public final class WildcardTypeImpl implements WildcardType {
  private final Type[] upperBounds;
  private final Type[] lowerBounds;

  public WildcardTypeImpl(Type[] upperBounds, Type[] lowerBounds) {
    this.upperBounds = upperBounds.clone();
    this.lowerBounds = lowerBounds.clone();
  }

  @Override
  public Type[] getUpperBounds() {
    return upperBounds.clone();
  }

  @Override
  public Type[] getLowerBounds() {
    return lowerBounds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WildcardType other
        && Arrays.equals(upperBounds, other.getUpperBounds())
        && Arrays.equals(lowerBounds, other.getLowerBounds());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(upperBounds) ^ Arrays.hashCode(lowerBounds);
  }

  @Override
  public String toString() {
    return getTypeName();
  }

  @Override
  public String getTypeName() {
    if (lowerBounds.length > 0) {
      return "? super " + lowerBounds[0].getTypeName();
    }
    if (upperBounds.length == 0 || upperBounds[0] == Object.class) {
      return "?";
    }
    return "? extends " + upperBounds[0].getTypeName();
  }
}
