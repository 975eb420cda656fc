package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/**
 * Serializers of immutable JDK value classes (time, big numbers, UUID), written field by field
 * rather than as text so they stay compact and fast.
 */
public final class ValueSerializers {
  private static final Map<Class<?>, BaseSerializer<?>> SERIALIZERS =
      Map.of(
          Instant.class, new InstantSerializer(),
          Duration.class, new DurationSerializer(),
          LocalDate.class, new LocalDateSerializer(),
          LocalTime.class, new LocalTimeSerializer(),
          LocalDateTime.class, new LocalDateTimeSerializer(),
          BigInteger.class, new BigIntegerSerializer(),
          BigDecimal.class, new BigDecimalSerializer(),
          UUID.class, new UuidSerializer());

  private ValueSerializers() {}

  /** The serializer of {@code type} if it is one of the supported value classes; else null. */
  public static BaseSerializer<?> forClass(Class<?> type) {
    return SERIALIZERS.get(type);
  }

  /** The shared shape: values are immutable, so copies are the values themselves. */
  private abstract static class ImmutableValueSerializer<T> extends BaseSerializer<T> {
    ImmutableValueSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public final T copy(T value) {
      return value;
    }

    @Override
    public final boolean isImmutable() {
      return true;
    }
  }

  /** Epoch second (8 bytes) and nano of second (4 bytes). */
  static final class InstantSerializer extends ImmutableValueSerializer<Instant> {
    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, DataOutputView out) throws IOException {
      out.writeLong(value.getEpochSecond());
      out.writeInt(value.getNano());
    }

    @Override
    public Instant deserialize(DataInputView in) throws IOException {
      long seconds = in.readLong();
      return Instant.ofEpochSecond(seconds, in.readInt());
    }
  }

  /** Seconds (8 bytes) and nano adjustment (4 bytes). */
  static final class DurationSerializer extends ImmutableValueSerializer<Duration> {
    DurationSerializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, DataOutputView out) throws IOException {
      out.writeLong(value.getSeconds());
      out.writeInt(value.getNano());
    }

    @Override
    public Duration deserialize(DataInputView in) throws IOException {
      long seconds = in.readLong();
      return Duration.ofSeconds(seconds, in.readInt());
    }
  }

  /** Year (4 bytes), month and day (1 byte each). */
  static final class LocalDateSerializer extends ImmutableValueSerializer<LocalDate> {
    LocalDateSerializer() {
      super(LocalDate.class);
    }

    @Override
    public void serialize(LocalDate value, DataOutputView out) throws IOException {
      writeDate(value, out);
    }

    @Override
    public LocalDate deserialize(DataInputView in) throws IOException {
      return readDate(in);
    }
  }

  /** Hour, minute, second (1 byte each) and nano of second (4 bytes). */
  static final class LocalTimeSerializer extends ImmutableValueSerializer<LocalTime> {
    LocalTimeSerializer() {
      super(LocalTime.class);
    }

    @Override
    public void serialize(LocalTime value, DataOutputView out) throws IOException {
      writeTime(value, out);
    }

    @Override
    public LocalTime deserialize(DataInputView in) throws IOException {
      return readTime(in);
    }
  }

  /** The date as {@link LocalDateSerializer}, then the time as {@link LocalTimeSerializer}. */
  static final class LocalDateTimeSerializer extends ImmutableValueSerializer<LocalDateTime> {
    LocalDateTimeSerializer() {
      super(LocalDateTime.class);
    }

    @Override
    public void serialize(LocalDateTime value, DataOutputView out) throws IOException {
      writeDate(value.toLocalDate(), out);
      writeTime(value.toLocalTime(), out);
    }

    @Override
    public LocalDateTime deserialize(DataInputView in) throws IOException {
      LocalDate date = readDate(in);
      return LocalDateTime.of(date, readTime(in));
    }
  }

  /** Length (var-int) and two's-complement big-endian bytes. */
  static final class BigIntegerSerializer extends ImmutableValueSerializer<BigInteger> {
    BigIntegerSerializer() {
      super(BigInteger.class);
    }

    @Override
    public void serialize(BigInteger value, DataOutputView out) throws IOException {
      writeBigInteger(value, out);
    }

    @Override
    public BigInteger deserialize(DataInputView in) throws IOException {
      return readBigInteger(in);
    }
  }

  /** Scale (4 bytes), then the unscaled value as {@link BigIntegerSerializer}. */
  static final class BigDecimalSerializer extends ImmutableValueSerializer<BigDecimal> {
    BigDecimalSerializer() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, DataOutputView out) throws IOException {
      out.writeInt(value.scale());
      writeBigInteger(value.unscaledValue(), out);
    }

    @Override
    public BigDecimal deserialize(DataInputView in) throws IOException {
      int scale = in.readInt();
      return new BigDecimal(readBigInteger(in), scale);
    }
  }

  /** Most and least significant 64 bits. */
  static final class UuidSerializer extends ImmutableValueSerializer<UUID> {
    UuidSerializer() {
      super(UUID.class);
    }

    @Override
    public void serialize(UUID value, DataOutputView out) throws IOException {
      out.writeLong(value.getMostSignificantBits());
      out.writeLong(value.getLeastSignificantBits());
    }

    @Override
    public UUID deserialize(DataInputView in) throws IOException {
      long most = in.readLong();
      return new UUID(most, in.readLong());
    }
  }

  private static void writeDate(LocalDate date, DataOutputView out) throws IOException {
    out.writeInt(date.getYear());
    out.writeByte(date.getMonthValue());
    out.writeByte(date.getDayOfMonth());
  }

  private static LocalDate readDate(DataInputView in) throws IOException {
    int year = in.readInt();
    int month = in.readByte();
    return LocalDate.of(year, month, in.readByte());
  }

  private static void writeTime(LocalTime time, DataOutputView out) throws IOException {
    out.writeByte(time.getHour());
    out.writeByte(time.getMinute());
    out.writeByte(time.getSecond());
    out.writeInt(time.getNano());
  }

  private static LocalTime readTime(DataInputView in) throws IOException {
    int hour = in.readByte();
    int minute = in.readByte();
    int second = in.readByte();
    return LocalTime.of(hour, minute, second, in.readInt());
  }

  private static void writeBigInteger(BigInteger value, DataOutputView out) throws IOException {
    byte[] bytes = value.toByteArray();
    out.writeVarInt(bytes.length);
    out.write(bytes);
  }

  private static BigInteger readBigInteger(DataInputView in) throws IOException {
    int length = Lengths.read(in, 1);
    if (length == 0) {
      throw new IOException("corrupt input: a BigInteger has at least one byte");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new BigInteger(bytes);
  }
}
