package io.sluice.bench.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes a value with the serializer Flink's type extraction picks for its class (a POJO serializer
 * for records and POJOs) into a reused output buffer and reads it back. Confined to one thread.
 */
final class FlinkRoundTrip<T> {
  private final TypeSerializer<T> serializer;
  private final DataOutputSerializer out = new DataOutputSerializer(256);
  private final DataInputDeserializer in = new DataInputDeserializer();

  FlinkRoundTrip(Class<T> type) {
    this.serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
  }

  /** The serializer in use, so tests can check that Flink did not fall back to Kryo. */
  TypeSerializer<T> serializer() {
    return serializer;
  }

  T roundTrip(T value) {
    try {
      out.clear();
      serializer.serialize(value, out);
      in.setBuffer(out.getSharedBuffer(), 0, out.length());
      return serializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
