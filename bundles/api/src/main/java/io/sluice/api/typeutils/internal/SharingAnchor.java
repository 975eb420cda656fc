package io.sluice.api.typeutils.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the serializer of a composite type (a parameterized or array type) may be kept: in a {@link
 * ClassValue} of one of the classes it names whose class loader sees every other one. Kept there,
 * the serializer lives as long as that class and no longer keeps any class alive that would
 * otherwise go: in OSGi a job bundle's class (say {@code Person}) anchors {@code
 * TaggedUnion<Person, Auction>}, since the job bundle sees the API bundle, never the other way
 * round.
 */
final class SharingAnchor {
  private SharingAnchor() {}

  /**
   * The anchor class of {@code type}, or null when there is none: the type names no class of an
   * application or bundle loader (only JDK classes), a type variable, a hidden class, or classes of
   * loaders none of which sees all the others.
   */
  static Class<?> of(Type type) {
    Set<Class<?>> named = new LinkedHashSet<>();
    if (!collect(type, named, 0)) {
      return null;
    }
    named.removeIf(c -> c.getClassLoader() == null);
    for (Class<?> candidate : named) {
      if (seesAll(candidate.getClassLoader(), named)) {
        return candidate;
      }
    }
    return null;
  }

  /** Adds the classes {@code type} names; false if it names something not to share by. */
  private static boolean collect(Type type, Set<Class<?>> named, int depth) {
    if (depth > 64) {
      return false;
    }
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.isHidden()) {
        return false;
      }
      named.add(c);
      return true;
    }
    if (type instanceof ParameterizedType parameterized) {
      if (parameterized.getOwnerType() != null
          && !collect(parameterized.getOwnerType(), named, depth + 1)) {
        return false;
      }
      if (!collect(parameterized.getRawType(), named, depth + 1)) {
        return false;
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (!collect(argument, named, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (type instanceof GenericArrayType array) {
      return collect(array.getGenericComponentType(), named, depth + 1);
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        if (!collect(bound, named, depth + 1)) {
          return false;
        }
      }
      for (Type bound : wildcard.getLowerBounds()) {
        if (!collect(bound, named, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false; // type variables and unknown kinds of types
  }

  private static boolean seesAll(ClassLoader loader, Set<Class<?>> classes) {
    for (Class<?> c : classes) {
      if (c.getClassLoader() != loader && !resolvesTo(loader, c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean resolvesTo(ClassLoader loader, Class<?> c) {
    try {
      return Class.forName(c.getName(), false, loader) == c;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
