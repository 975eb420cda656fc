package io.sluice.api.tuple;

/**
 * A tuple of 4 fields with public mutable fields {@code f0 .. f3}: {@code Tuple4.of("a", "b", 1,
 * 2L)}. See {@link Tuple} for equality, hashing and threading.
 */
public final class Tuple4<T0, T1, T2, T3> extends Tuple {

  public T0 f0;

  public T1 f1;

  public T2 f2;

  public T3 f3;

  /** A tuple with all fields null, to be filled in. */
  public Tuple4() {}

  public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
    this.f3 = f3;
  }

  public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
    return new Tuple4<>(f0, f1, f2, f3);
  }

  @Override
  public int arity() {
    return 4;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    Object field =
        switch (pos) {
          case 0 -> f0;
          case 1 -> f1;
          case 2 -> f2;
          case 3 -> f3;
          default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple4");
        };
    return (T) field;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setField(int pos, Object value) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      case 2 -> f2 = (T2) value;
      case 3 -> f3 = (T3) value;
      default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple4");
    }
  }
}
