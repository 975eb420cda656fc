package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.util.Map;

/** Serializers of primitive arrays: var-int length, then the elements back to back. */
public final class PrimitiveArraySerializers {
  private static final Map<Class<?>, BaseSerializer<?>> SERIALIZERS =
      Map.ofEntries(
          Map.entry(byte[].class, new ByteArraySerializer()),
          Map.entry(boolean[].class, new BooleanArraySerializer()),
          Map.entry(short[].class, new ShortArraySerializer()),
          Map.entry(char[].class, new CharArraySerializer()),
          Map.entry(int[].class, new IntArraySerializer()),
          Map.entry(long[].class, new LongArraySerializer()),
          Map.entry(float[].class, new FloatArraySerializer()),
          Map.entry(double[].class, new DoubleArraySerializer()));

  private PrimitiveArraySerializers() {}

  /** The serializer of {@code type} if it is an array of a primitive; otherwise null. */
  public static BaseSerializer<?> forClass(Class<?> type) {
    return SERIALIZERS.get(type);
  }

  /** {@code byte[]}: length and raw bytes. */
  public static final class ByteArraySerializer extends BaseSerializer<byte[]> {
    ByteArraySerializer() {
      super(byte[].class);
    }

    @Override
    public void serialize(byte[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      out.write(value);
    }

    @Override
    public byte[] deserialize(DataInputView in) throws IOException {
      byte[] value = new byte[Lengths.read(in, 1)];
      in.readFully(value);
      return value;
    }

    @Override
    public byte[] copy(byte[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code boolean[]}: length and elements. */
  public static final class BooleanArraySerializer extends BaseSerializer<boolean[]> {
    BooleanArraySerializer() {
      super(boolean[].class);
    }

    @Override
    public void serialize(boolean[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (boolean v : value) {
        out.writeBoolean(v);
      }
    }

    @Override
    public boolean[] deserialize(DataInputView in) throws IOException {
      boolean[] value = new boolean[Lengths.read(in, 1)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readBoolean();
      }
      return value;
    }

    @Override
    public boolean[] copy(boolean[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code short[]}: length and elements. */
  public static final class ShortArraySerializer extends BaseSerializer<short[]> {
    ShortArraySerializer() {
      super(short[].class);
    }

    @Override
    public void serialize(short[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (short v : value) {
        out.writeShort(v);
      }
    }

    @Override
    public short[] deserialize(DataInputView in) throws IOException {
      short[] value = new short[Lengths.read(in, 2)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readShort();
      }
      return value;
    }

    @Override
    public short[] copy(short[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code char[]}: length and elements. */
  public static final class CharArraySerializer extends BaseSerializer<char[]> {
    CharArraySerializer() {
      super(char[].class);
    }

    @Override
    public void serialize(char[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (char v : value) {
        out.writeChar(v);
      }
    }

    @Override
    public char[] deserialize(DataInputView in) throws IOException {
      char[] value = new char[Lengths.read(in, 2)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readChar();
      }
      return value;
    }

    @Override
    public char[] copy(char[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code int[]}: length and elements. */
  public static final class IntArraySerializer extends BaseSerializer<int[]> {
    IntArraySerializer() {
      super(int[].class);
    }

    @Override
    public void serialize(int[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (int v : value) {
        out.writeInt(v);
      }
    }

    @Override
    public int[] deserialize(DataInputView in) throws IOException {
      int[] value = new int[Lengths.read(in, 4)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readInt();
      }
      return value;
    }

    @Override
    public int[] copy(int[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code long[]}: length and elements. */
  public static final class LongArraySerializer extends BaseSerializer<long[]> {
    LongArraySerializer() {
      super(long[].class);
    }

    @Override
    public void serialize(long[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (long v : value) {
        out.writeLong(v);
      }
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
      long[] value = new long[Lengths.read(in, 8)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readLong();
      }
      return value;
    }

    @Override
    public long[] copy(long[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code float[]}: length and elements. */
  public static final class FloatArraySerializer extends BaseSerializer<float[]> {
    FloatArraySerializer() {
      super(float[].class);
    }

    @Override
    public void serialize(float[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (float v : value) {
        out.writeFloat(v);
      }
    }

    @Override
    public float[] deserialize(DataInputView in) throws IOException {
      float[] value = new float[Lengths.read(in, 4)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readFloat();
      }
      return value;
    }

    @Override
    public float[] copy(float[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }

  /** {@code double[]}: length and elements. */
  public static final class DoubleArraySerializer extends BaseSerializer<double[]> {
    DoubleArraySerializer() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] value, DataOutputView out) throws IOException {
      out.writeVarInt(value.length);
      for (double v : value) {
        out.writeDouble(v);
      }
    }

    @Override
    public double[] deserialize(DataInputView in) throws IOException {
      double[] value = new double[Lengths.read(in, 8)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readDouble();
      }
      return value;
    }

    @Override
    public double[] copy(double[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutable() {
      return false;
    }
  }
}
