package io.sluice.api.tuple;

import java.util.Arrays;
import java.util.Objects;

/**
 * The common base of {@link Tuple2} .. {@link Tuple5}: positional access to the public fields
 * {@code f0 .. fN}, for code (serializers, key selectors by position) that handles any arity.
 *
 * <p>{@link #hashCode()} is computed from the fields' own hash codes only, so a tuple of strings,
 * boxed primitives, arrays of them and records of them hashes the same in every JVM; keyed streams
 * rely on that to route keys to key groups. Enums and other identity-hashed fields do not have that
 * property.
 *
 * <p>Tuples are mutable and not thread-safe.
 */
public abstract class Tuple {

  /** The highest arity with a tuple class. */
  public static final int MAX_ARITY = 5;

  Tuple() {}

  /** The number of fields. */
  public abstract int arity();

  /** Field {@code pos}, counting from 0. */
  public abstract <T> T getField(int pos);

  /** Sets field {@code pos}, counting from 0. */
  public abstract void setField(int pos, Object value);

  /** A new tuple of {@code arity} fields, all null. */
  public static Tuple newInstance(int arity) {
    return switch (arity) {
      case 2 -> new Tuple2<>();
      case 3 -> new Tuple3<>();
      case 4 -> new Tuple4<>();
      case 5 -> new Tuple5<>();
      default ->
          throw new IllegalArgumentException(
              "no tuple class of arity " + arity + " (2.." + MAX_ARITY + ")");
    };
  }

  /** The class of the tuple of {@code arity} fields. */
  public static Class<? extends Tuple> classOfArity(int arity) {
    return switch (arity) {
      case 2 -> Tuple2.class;
      case 3 -> Tuple3.class;
      case 4 -> Tuple4.class;
      case 5 -> Tuple5.class;
      default ->
          throw new IllegalArgumentException(
              "no tuple class of arity " + arity + " (2.." + MAX_ARITY + ")");
    };
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    Tuple other = (Tuple) o;
    for (int i = 0; i < arity(); i++) {
      if (!Objects.deepEquals(getField(i), other.getField(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final int hashCode() {
    int h = 1;
    for (int i = 0; i < arity(); i++) {
      h = 31 * h + fieldHash(getField(i));
    }
    return h;
  }

  /** {@code (a,b)}; arrays print their contents. */
  @Override
  public final String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < arity(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object field = getField(i);
      sb.append(field != null && field.getClass().isArray() ? arrayToString(field) : field);
    }
    return sb.append(')').toString();
  }

  private static int fieldHash(Object field) {
    if (field == null) {
      return 0;
    }
    if (field.getClass().isArray()) {
      // deepHashCode dispatches on the element type and hashes contents, not identity.
      return Arrays.deepHashCode(new Object[] {field}) - 31;
    }
    return field.hashCode();
  }

  private static String arrayToString(Object array) {
    String wrapped = Arrays.deepToString(new Object[] {array});
    return wrapped.substring(1, wrapped.length() - 1);
  }
}
