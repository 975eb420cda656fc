package io.sluice.runtime.network;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;

/** Hand-written serializers, so these tests depend on nothing but the serializer interface. */
final class TestSerializers {

  private TestSerializers() {}

  static final class LongSerializer implements TypeSerializer<Long> {
    @Override
    public void serialize(Long value, DataOutputView out) throws IOException {
      out.writeLong(value);
    }

    @Override
    public Long deserialize(DataInputView in) throws IOException {
      return in.readLong();
    }

    @Override
    public Long copy(Long value) {
      return value;
    }

    @Override
    public TypeSerializer<Long> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return Long.class;
    }
  }

  static final class StringSerializer implements TypeSerializer<String> {
    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
      out.writeString(value);
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
      return in.readString();
    }

    @Override
    public String copy(String value) {
      return value;
    }

    @Override
    public TypeSerializer<String> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return String.class;
    }
  }

  /** Writes an int length and the bytes, so tests can size elements to the byte. */
  static final class BytesSerializer implements TypeSerializer<byte[]> {

    /** Bytes an element of a {@code payload}-byte array occupies: prefix, tag, length, bytes. */
    static int elementSize(int payload) {
      return 4 + 1 + 4 + payload;
    }

    /** The payload size that makes the whole element {@code elementSize} bytes. */
    static int payloadForElementSize(int elementSize) {
      return elementSize - 9;
    }

    @Override
    public void serialize(byte[] value, DataOutputView out) throws IOException {
      out.writeInt(value.length);
      out.write(value);
    }

    @Override
    public byte[] deserialize(DataInputView in) throws IOException {
      byte[] value = new byte[in.readInt()];
      in.readFully(value);
      return value;
    }

    @Override
    public byte[] copy(byte[] value) {
      return Arrays.copyOf(value, value.length);
    }

    @Override
    public TypeSerializer<byte[]> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return byte[].class;
    }
  }

  /** Counts serialize calls of a delegate. */
  static final class CountingSerializer<T> implements TypeSerializer<T> {
    private final TypeSerializer<T> delegate;
    int serializeCalls;

    CountingSerializer(TypeSerializer<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
      serializeCalls++;
      delegate.serialize(value, out);
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
      return delegate.deserialize(in);
    }

    @Override
    public T copy(T value) {
      return delegate.copy(value);
    }

    @Override
    public TypeSerializer<T> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return delegate.type();
    }
  }

  /** Bytes {@code i, i+1, ...} of length {@code size}, so any misplaced byte shows. */
  static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
