package io.sluice.api.typeutils.internal;

import io.sluice.api.tuple.Tuple;
import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;

/** {@code Tuple2} .. {@code Tuple5}: the fields in order, each of which may be null. */
public final class TupleSerializer<T extends Tuple> extends BaseSerializer<T> {
  private final int arity;
  private final TypeSerializer<Object>[] fieldSerializers;

  /**
   * @param fieldSerializers one per field, each accepting null
   */
  public TupleSerializer(Type type, TypeSerializer<Object>[] fieldSerializers) {
    super(type);
    this.arity = fieldSerializers.length;
    this.fieldSerializers = fieldSerializers.clone();
    Tuple.classOfArity(arity);
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    for (int i = 0; i < arity; i++) {
      fieldSerializers[i].serialize(value.getField(i), out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    T tuple = newTuple();
    for (int i = 0; i < arity; i++) {
      tuple.setField(i, fieldSerializers[i].deserialize(in));
    }
    return tuple;
  }

  @Override
  public T copy(T value) {
    T copy = newTuple();
    for (int i = 0; i < arity; i++) {
      copy.setField(i, fieldSerializers[i].copy(value.getField(i)));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private T newTuple() {
    return (T) Tuple.newInstance(arity);
  }

  @Override
  public boolean isImmutable() {
    return false;
  }
}
