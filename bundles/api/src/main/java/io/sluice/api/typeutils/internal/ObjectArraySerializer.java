package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Type;

/**
 * Arrays of objects ({@code String[]}, {@code List<Long>[]}): length, then each element (which may
 * be null). Reads back an array of the declared component class.
 */
public final class ObjectArraySerializer<T> extends BaseSerializer<T[]> {
  private final Class<?> componentClass;
  private final TypeSerializer<T> elementSerializer;

  /**
   * @param elementSerializer serializes elements, including null ones
   */
  public ObjectArraySerializer(
      Type type, Class<?> componentClass, TypeSerializer<T> elementSerializer) {
    super(type);
    this.componentClass = componentClass;
    this.elementSerializer = elementSerializer;
  }

  @Override
  public void serialize(T[] value, DataOutputView out) throws IOException {
    out.writeVarInt(value.length);
    for (T element : value) {
      elementSerializer.serialize(element, out);
    }
  }

  @Override
  public T[] deserialize(DataInputView in) throws IOException {
    T[] value = newArray(Lengths.read(in, 1));
    for (int i = 0; i < value.length; i++) {
      value[i] = elementSerializer.deserialize(in);
    }
    return value;
  }

  @Override
  public T[] copy(T[] value) {
    T[] copy = newArray(value.length);
    for (int i = 0; i < value.length; i++) {
      copy[i] = elementSerializer.copy(value[i]);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private T[] newArray(int length) {
    return (T[]) Array.newInstance(componentClass, length);
  }

  @Override
  public boolean isImmutable() {
    return false;
  }
}
