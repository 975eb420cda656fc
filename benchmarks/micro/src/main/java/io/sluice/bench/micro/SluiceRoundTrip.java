package io.sluice.bench.micro;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a value with the serializer Sluice derives for its class into a reused output buffer and
 * reads it back, as a record crosses a network buffer. Confined to one thread.
 */
final class SluiceRoundTrip<T> {
  private final TypeSerializer<T> serializer;
  private final DataOutputSerializer out = new DataOutputSerializer(256);
  private final DataInputDeserializer in = new DataInputDeserializer();

  SluiceRoundTrip(Class<T> type) {
    this.serializer = TypeSerializers.forClass(type);
  }

  T roundTrip(T value) {
    try {
      out.clear();
      serializer.serialize(value, out);
      in.setBuffer(out.getSharedBuffer(), 0, out.position());
      return serializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
