package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Serializers of primitives, their boxes and {@link String}: the leaves of every derived
 * serializer. Fixed-width encodings, so a record's size does not depend on its values' magnitude.
 */
public final class BasicSerializers {
  private static final Map<Class<?>, BaseSerializer<?>> SERIALIZERS = create();

  private BasicSerializers() {}

  /** The serializer of {@code type} if it is a primitive, a box or String; otherwise null. */
  public static BaseSerializer<?> forClass(Class<?> type) {
    return SERIALIZERS.get(type);
  }

  private static Map<Class<?>, BaseSerializer<?>> create() {
    Map<Class<?>, BaseSerializer<?>> serializers = new HashMap<>();
    put(serializers, Boolean.class, BooleanSerializer::new);
    put(serializers, boolean.class, BooleanSerializer::new);
    put(serializers, Byte.class, ByteSerializer::new);
    put(serializers, byte.class, ByteSerializer::new);
    put(serializers, Short.class, ShortSerializer::new);
    put(serializers, short.class, ShortSerializer::new);
    put(serializers, Character.class, CharacterSerializer::new);
    put(serializers, char.class, CharacterSerializer::new);
    put(serializers, Integer.class, IntegerSerializer::new);
    put(serializers, int.class, IntegerSerializer::new);
    put(serializers, Long.class, LongSerializer::new);
    put(serializers, long.class, LongSerializer::new);
    put(serializers, Float.class, FloatSerializer::new);
    put(serializers, float.class, FloatSerializer::new);
    put(serializers, Double.class, DoubleSerializer::new);
    put(serializers, double.class, DoubleSerializer::new);
    put(serializers, String.class, StringSerializer::new);
    return Map.copyOf(serializers);
  }

  private static void put(
      Map<Class<?>, BaseSerializer<?>> serializers,
      Class<?> type,
      Function<Type, BaseSerializer<?>> factory) {
    serializers.put(type, factory.apply(type));
  }

  /** {@code Boolean} and {@code boolean}, big-endian as DataOutput writes it. */
  public static final class BooleanSerializer extends BaseSerializer<Boolean> {
    BooleanSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Boolean value, DataOutputView out) throws IOException {
      out.writeBoolean(value);
    }

    @Override
    public Boolean deserialize(DataInputView in) throws IOException {
      return in.readBoolean();
    }

    @Override
    public Boolean copy(Boolean value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Byte} and {@code byte}, big-endian as DataOutput writes it. */
  public static final class ByteSerializer extends BaseSerializer<Byte> {
    ByteSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Byte value, DataOutputView out) throws IOException {
      out.writeByte(value);
    }

    @Override
    public Byte deserialize(DataInputView in) throws IOException {
      return in.readByte();
    }

    @Override
    public Byte copy(Byte value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Short} and {@code short}, big-endian as DataOutput writes it. */
  public static final class ShortSerializer extends BaseSerializer<Short> {
    ShortSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Short value, DataOutputView out) throws IOException {
      out.writeShort(value);
    }

    @Override
    public Short deserialize(DataInputView in) throws IOException {
      return in.readShort();
    }

    @Override
    public Short copy(Short value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Character} and {@code char}, big-endian as DataOutput writes it. */
  public static final class CharacterSerializer extends BaseSerializer<Character> {
    CharacterSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Character value, DataOutputView out) throws IOException {
      out.writeChar(value);
    }

    @Override
    public Character deserialize(DataInputView in) throws IOException {
      return in.readChar();
    }

    @Override
    public Character copy(Character value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Integer} and {@code int}, big-endian as DataOutput writes it. */
  public static final class IntegerSerializer extends BaseSerializer<Integer> {
    IntegerSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Integer value, DataOutputView out) throws IOException {
      out.writeInt(value);
    }

    @Override
    public Integer deserialize(DataInputView in) throws IOException {
      return in.readInt();
    }

    @Override
    public Integer copy(Integer value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Long} and {@code long}, big-endian as DataOutput writes it. */
  public static final class LongSerializer extends BaseSerializer<Long> {
    LongSerializer(Type type) {
      super(type);
    }

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
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Float} and {@code float}, big-endian as DataOutput writes it. */
  public static final class FloatSerializer extends BaseSerializer<Float> {
    FloatSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Float value, DataOutputView out) throws IOException {
      out.writeFloat(value);
    }

    @Override
    public Float deserialize(DataInputView in) throws IOException {
      return in.readFloat();
    }

    @Override
    public Float copy(Float value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code Double} and {@code double}, big-endian as DataOutput writes it. */
  public static final class DoubleSerializer extends BaseSerializer<Double> {
    DoubleSerializer(Type type) {
      super(type);
    }

    @Override
    public void serialize(Double value, DataOutputView out) throws IOException {
      out.writeDouble(value);
    }

    @Override
    public Double deserialize(DataInputView in) throws IOException {
      return in.readDouble();
    }

    @Override
    public Double copy(Double value) {
      return value;
    }

    @Override
    public boolean isImmutable() {
      return true;
    }
  }

  /** {@code String}: var-int UTF-8 length and UTF-8 bytes. */
  public static final class StringSerializer extends BaseSerializer<String> {
    StringSerializer(Type type) {
      super(type);
    }

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
    public boolean isImmutable() {
      return true;
    }
  }
}
