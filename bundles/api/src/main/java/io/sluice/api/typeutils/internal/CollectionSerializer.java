package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.function.IntFunction;

/**
 * Lists and sets: size, then each element (which may be null) in iteration order. Reads back into
 * the collection class chosen for the declared type (see {@link CollectionFactories}), whatever
 * class the written value had.
 */
public final class CollectionSerializer<E, C extends Collection<E>> extends BaseSerializer<C> {
  private final IntFunction<C> factory;
  private final TypeSerializer<E> elementSerializer;

  /**
   * @param factory a new empty collection given the expected size
   * @param elementSerializer serializes elements, including null ones
   */
  public CollectionSerializer(
      Type type, IntFunction<C> factory, TypeSerializer<E> elementSerializer) {
    super(type);
    this.factory = factory;
    this.elementSerializer = elementSerializer;
  }

  @Override
  public void serialize(C value, DataOutputView out) throws IOException {
    int size = value.size();
    out.writeVarInt(size);
    int written = 0;
    for (E element : value) {
      elementSerializer.serialize(element, out);
      written++;
    }
    if (written != size) {
      throw new IOException(
          "a " + value.getClass().getName() + " changed size while it was being serialized");
    }
  }

  @Override
  public C deserialize(DataInputView in) throws IOException {
    int size = Lengths.read(in, 1);
    C collection = factory.apply(Math.min(size, Lengths.MAX_PREALLOCATED));
    for (int i = 0; i < size; i++) {
      collection.add(elementSerializer.deserialize(in));
    }
    return collection;
  }

  @Override
  public C copy(C value) {
    C copy = factory.apply(value.size());
    for (E element : value) {
      copy.add(elementSerializer.copy(element));
    }
    return copy;
  }

  @Override
  public boolean isImmutable() {
    return false;
  }
}
