package io.sluice.api.tuple;

/**
 * A tuple of 2 fields with public mutable fields {@code f0 .. f1}: {@code Tuple2.of("word", 1L)}.
 * See {@link Tuple} for equality, hashing and threading.
 */
public final class Tuple2<T0, T1> extends Tuple {

  public T0 f0;

  public T1 f1;

  /** A tuple with all fields null, to be filled in. */
  public Tuple2() {}

  public Tuple2(T0 f0, T1 f1) {
    this.f0 = f0;
    this.f1 = f1;
  }

  public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
    return new Tuple2<>(f0, f1);
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    Object field =
        switch (pos) {
          case 0 -> f0;
          case 1 -> f1;
          default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple2");
        };
    return (T) field;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setField(int pos, Object value) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      default -> throw new IndexOutOfBoundsException("field " + pos + " of a Tuple2");
    }
  }
}
