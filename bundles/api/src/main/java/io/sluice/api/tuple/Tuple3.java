package io.sluice.api.tuple;

/**
 * A tuple of 3 fields with public mutable fields {@code f0 .. f2}: {@code Tuple3.of("id", 1, 2.5)}.
 * See {@link Tuple} for equality, hashing and threading.
 */
public final class Tuple3<T0, T1, T2> extends Tuple {

  public T0 f0;

  public T1 f1;

  public T2 f2;

  /** A tuple with all fields null, to be filled in. */
  public Tuple3() {}

  public Tuple3(T0 f0, T1 f1, T2 f2) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
  }

  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }

  @Override
  public int arity() {
    return 3;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    Object field =
        switch (pos) {
          case 0 -> f0;
          case 1 -> f1;
          case 2 -> f2;
          default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple3");
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
      default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple3");
    }
  }
}
