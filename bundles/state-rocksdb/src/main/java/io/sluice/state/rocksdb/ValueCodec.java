package io.sluice.state.rocksdb;

import io.sluice.api.state.StateAccessException;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Turns one stored value (a value, an accumulator, a list element, a map key or entry value) into
 * bytes and back: {@code [timestamp, 8 bytes big-endian, if time-to-live is on] + serialized
 * value}. Keeps scratch buffers, so confined to the task thread.
 *
 * @param <V> the type of the values
 */
final class ValueCodec<V> {
  private final TypeSerializer<V> serializer;
  private final boolean timestamped;
  private final String what;
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  /**
   * @param serializer a serializer this codec may keep to itself
   * @param timestamped whether a time-to-live timestamp precedes each value
   * @param what the values, for error messages ("values of state 'count'")
   */
  ValueCodec(TypeSerializer<V> serializer, boolean timestamped, String what) {
    this.serializer = serializer;
    this.timestamped = timestamped;
    this.what = what;
  }

  /** The bytes of {@code value} stamped with {@code timestamp} (ignored without time-to-live). */
  byte[] encode(V value, long timestamp) {
    out.clear();
    writeTo(out, value, timestamp);
    return out.copyOfBuffer();
  }

  /** {@code prefix + bytes of value} without a timestamp: the RocksDB key of a map entry. */
  byte[] encodeAfter(byte[] prefix, V value) {
    out.clear();
    out.write(prefix);
    writeTo(out, value, 0);
    return out.copyOfBuffer();
  }

  /** Appends the encoding of {@code value} to {@code target}. */
  void writeTo(DataOutputSerializer target, V value, long timestamp) {
    if (timestamped) {
      target.writeLong(timestamp);
    }
    try {
      serializer.serialize(value, target);
    } catch (IOException e) {
      throw new StateAccessException("cannot serialize " + what + ": " + value, e);
    }
  }

  Stamped<V> decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Reads the value encoded in {@code bytes[offset, offset + length)}. */
  Stamped<V> decode(byte[] bytes, int offset, int length) {
    in.setBuffer(bytes, offset, length);
    try {
      long timestamp = timestamped ? in.readLong() : 0;
      return new Stamped<>(serializer.deserialize(in), timestamp);
    } catch (IOException | RuntimeException e) {
      throw new StateAccessException(
          "cannot deserialize " + what + " (" + length + " bytes); was it written as another type?",
          e);
    }
  }

  /** The value encoded in {@code bytes[offset, offset + length)}, without its timestamp. */
  V decodeValue(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length).value();
  }
}
