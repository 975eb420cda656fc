package io.sluice.api.typeutils.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves type variables through a class hierarchy: given {@code Wrapper<String>}, the field
 * {@code List<T> items} declared in {@code Wrapper<T>} (or in a generic superclass of it) has type
 * {@code List<String>}.
 *
 * <p>Stateless; holds no references to the classes it inspects.
 */
public final class GenericTypes {
  private GenericTypes() {}

  /**
   * The bindings of every type variable that {@code type} fixes in its class hierarchy: its own
   * type parameters (if {@code type} is parameterized), those of its enclosing class, and those of
   * every generic superclass and superinterface, each already resolved against the others.
   */
  public static Map<TypeVariable<?>, Type> bindings(Type type) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    collect(type, bindings);
    return bindings;
  }

  private static void collect(Type type, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw = rawClass(type);
    if (raw == null || raw.isArray() || raw.isPrimitive()) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      if (parameterized.getOwnerType() instanceof ParameterizedType owner) {
        collect(owner, bindings);
      }
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length && i < arguments.length; i++) {
        bindings.putIfAbsent(variables[i], arguments[i]);
      }
    }
    Type superclass = raw.getGenericSuperclass();
    if (superclass != null) {
      collect(resolve(superclass, bindings), bindings);
    }
    for (Type superinterface : raw.getGenericInterfaces()) {
      collect(resolve(superinterface, bindings), bindings);
    }
  }

  /**
   * {@code type} with every bound type variable replaced; unbound variables stay as they are.
   * Generic arrays of classes become array classes ({@code T[]} with T=String is {@code
   * String[].class}).
   */
  public static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof Class<?>) {
      return type;
    }
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, variable);
    }
    if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      boolean changed = false;
      for (int i = 0; i < arguments.length; i++) {
        Type resolved = resolve(arguments[i], bindings);
        changed |= resolved != arguments[i];
        arguments[i] = resolved;
      }
      Type owner = parameterized.getOwnerType();
      Type resolvedOwner = owner == null ? null : resolve(owner, bindings);
      changed |= resolvedOwner != owner;
      return changed
          ? new ParameterizedTypeImpl(
              (Class<?>) parameterized.getRawType(), arguments, resolvedOwner)
          : parameterized;
    }
    if (type instanceof GenericArrayType array) {
      Type component = resolve(array.getGenericComponentType(), bindings);
      if (component instanceof Class<?> componentClass) {
        return componentClass.arrayType();
      }
      return component == array.getGenericComponentType()
          ? array
          : new GenericArrayTypeImpl(component);
    }
    if (type instanceof WildcardType wildcard) {
      Type[] upper = wildcard.getUpperBounds();
      Type[] lower = wildcard.getLowerBounds();
      boolean changed = false;
      for (int i = 0; i < upper.length; i++) {
        Type resolved = resolve(upper[i], bindings);
        changed |= resolved != upper[i];
        upper[i] = resolved;
      }
      for (int i = 0; i < lower.length; i++) {
        Type resolved = resolve(lower[i], bindings);
        changed |= resolved != lower[i];
        lower[i] = resolved;
      }
      return changed ? new WildcardTypeImpl(upper, lower) : wildcard;
    }
    return type;
  }

  /** The class that {@code type} erases to, or null for type variables and wildcards. */
  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    if (type instanceof GenericArrayType array) {
      Class<?> component = rawClass(array.getGenericComponentType());
      return component == null ? null : component.arrayType();
    }
    return null;
  }

  /** The first type variable inside {@code type}, or null if it is fully resolved. */
  public static TypeVariable<?> findTypeVariable(Type type) {
    if (type instanceof TypeVariable<?> variable) {
      return variable;
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        TypeVariable<?> found = findTypeVariable(argument);
        if (found != null) {
          return found;
        }
      }
      Type owner = parameterized.getOwnerType();
      return owner == null ? null : findTypeVariable(owner);
    }
    if (type instanceof GenericArrayType array) {
      return findTypeVariable(array.getGenericComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        TypeVariable<?> found = findTypeVariable(bound);
        if (found != null) {
          return found;
        }
      }
      for (Type bound : wildcard.getLowerBounds()) {
        TypeVariable<?> found = findTypeVariable(bound);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The boxed class of a primitive, or {@code type} itself. */
  public static Type box(Type type) {
    if (!(type instanceof Class<?> c) || !c.isPrimitive()) {
      return type;
    }
    if (c == int.class) {
      return Integer.class;
    } else if (c == long.class) {
      return Long.class;
    } else if (c == double.class) {
      return Double.class;
    } else if (c == boolean.class) {
      return Boolean.class;
    } else if (c == float.class) {
      return Float.class;
    } else if (c == short.class) {
      return Short.class;
    } else if (c == byte.class) {
      return Byte.class;
    } else if (c == char.class) {
      return Character.class;
    }
    return Void.class;
  }
}
