package io.sluice.api.typeutils;

import io.sluice.api.tuple.Tuple;
import io.sluice.api.typeutils.internal.GenericTypes;
import io.sluice.api.typeutils.internal.ParameterizedTypeImpl;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spells Java types where a class literal cannot, e.g. for {@code .returns(...)} after a lambda
 * whose output type Java erased: {@code Types.tuple(Types.STRING, Types.LONG)} is {@code
 * Tuple2<String, Long>}, {@code Types.map(Types.STRING, Types.list(Types.INT))} is {@code
 * Map<String, List<Integer>>}. The result equals the type javac would have recorded.
 */
public final class Types {
  public static final Type STRING = String.class;
  public static final Type INT = Integer.class;
  public static final Type LONG = Long.class;
  public static final Type DOUBLE = Double.class;
  public static final Type FLOAT = Float.class;
  public static final Type BOOLEAN = Boolean.class;
  public static final Type SHORT = Short.class;
  public static final Type BYTE = Byte.class;
  public static final Type CHAR = Character.class;

  private Types() {}

  /** {@code Tuple2<..>} .. {@code Tuple5<..>}, by the number of field types. */
  public static Type tuple(Type... fields) {
    if (fields.length < 2 || fields.length > Tuple.MAX_ARITY) {
      throw new IllegalArgumentException(
          "tuples have 2 to " + Tuple.MAX_ARITY + " fields, got " + fields.length);
    }
    return parameterized(Tuple.classOfArity(fields.length), fields);
  }

  /** {@code List<element>}. */
  public static Type list(Type element) {
    return parameterized(List.class, element);
  }

  /** {@code Set<element>}. */
  public static Type set(Type element) {
    return parameterized(Set.class, element);
  }

  /** {@code Map<key, value>}. */
  public static Type map(Type key, Type value) {
    return parameterized(Map.class, key, value);
  }

  /** {@code Optional<value>}. */
  public static Type optional(Type value) {
    return parameterized(Optional.class, value);
  }

  /**
   * {@code raw<args...>}; primitive arguments are boxed for convenience.
   *
   * @throws IllegalArgumentException if the number of arguments does not match the class
   */
  public static Type parameterized(Class<?> raw, Type... args) {
    Type[] boxed = new Type[args.length];
    for (int i = 0; i < args.length; i++) {
      boxed[i] = GenericTypes.box(args[i]);
    }
    return ParameterizedTypeImpl.of(raw, boxed);
  }
}
