package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Records are written component by component in declaration order, POJOs field by field in name
 * order, primitives exactly as {@link java.io.DataOutput} writes them, whichever way the serializer
 * gets at the components (generated codec or reflective path).
 */
class RecordAndPojoWireFormatTest {

  record EveryPrimitive(
      boolean flag, byte b, short s, char c, int i, long l, float f, double d, String text) {}

  record Outer(long id, EveryPrimitive inner, List<Integer> values, EveryPrimitive absent) {}

  /** 125 long components: 250 argument slots, near the most a constructor handle takes. */
  record Wide(
      long a0,
      long a1,
      long a2,
      long a3,
      long a4,
      long a5,
      long a6,
      long a7,
      long a8,
      long a9,
      long b0,
      long b1,
      long b2,
      long b3,
      long b4,
      long b5,
      long b6,
      long b7,
      long b8,
      long b9,
      long c0,
      long c1,
      long c2,
      long c3,
      long c4,
      long c5,
      long c6,
      long c7,
      long c8,
      long c9,
      long d0,
      long d1,
      long d2,
      long d3,
      long d4,
      long d5,
      long d6,
      long d7,
      long d8,
      long d9,
      long e0,
      long e1,
      long e2,
      long e3,
      long e4,
      long e5,
      long e6,
      long e7,
      long e8,
      long e9,
      long f0,
      long f1,
      long f2,
      long f3,
      long f4,
      long f5,
      long f6,
      long f7,
      long f8,
      long f9,
      long g0,
      long g1,
      long g2,
      long g3,
      long g4,
      long g5,
      long g6,
      long g7,
      long g8,
      long g9,
      long h0,
      long h1,
      long h2,
      long h3,
      long h4,
      long h5,
      long h6,
      long h7,
      long h8,
      long h9,
      long i0,
      long i1,
      long i2,
      long i3,
      long i4,
      long i5,
      long i6,
      long i7,
      long i8,
      long i9,
      long j0,
      long j1,
      long j2,
      long j3,
      long j4,
      long j5,
      long j6,
      long j7,
      long j8,
      long j9,
      long k0,
      long k1,
      long k2,
      long k3,
      long k4,
      long k5,
      long k6,
      long k7,
      long k8,
      long k9,
      long m0,
      long m1,
      long m2,
      long m3,
      long m4,
      long m5,
      long m6,
      long m7,
      long m8,
      long m9,
      long n0,
      long n1,
      long n2,
      long n3,
      long n4) {}

  private static final EveryPrimitive SAMPLE =
      new EveryPrimitive(
          true,
          (byte) -3,
          (short) 31_000,
          '\u4e2d',
          -42,
          Long.MIN_VALUE,
          1.5f,
          -0.25,
          "h\u00e9llo");

  @Test
  void everyPrimitiveComponentIsWrittenAsDataOutputWritesIt() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeBoolean(true);
    data.writeByte(-3);
    data.writeShort(31_000);
    data.writeChar('\u4e2d');
    data.writeInt(-42);
    data.writeLong(Long.MIN_VALUE);
    data.writeFloat(1.5f);
    data.writeDouble(-0.25);
    byte[] prefix = expected.toByteArray();

    byte[] written = write(TypeSerializers.forClass(EveryPrimitive.class), SAMPLE);

    byte[] stringPart = write(TypeSerializers.forClass(String.class), "h\u00e9llo");
    assertThat(written).hasSize(prefix.length + 1 + stringPart.length);
    assertThat(java.util.Arrays.copyOf(written, prefix.length)).isEqualTo(prefix);
    // the nullable String component: a presence byte, then the string as its serializer writes it
    assertThat(java.util.Arrays.copyOfRange(written, prefix.length + 1, written.length))
        .isEqualTo(stringPart);
  }

  @Test
  void nestedRecordsNullsAndCollectionsReadBackEqual() throws IOException {
    TypeSerializer<Outer> serializer = TypeSerializers.forClass(Outer.class);
    Outer value = new Outer(7, SAMPLE, List.of(1, 2, 3), null);
    Outer withNullText =
        new Outer(
            -1,
            new EveryPrimitive(false, (byte) 0, (short) 0, 'a', 0, 0, 0f, 0, null),
            List.of(),
            SAMPLE);

    assertThat(read(serializer, write(serializer, value))).isEqualTo(value);
    assertThat(read(serializer, write(serializer, withNullText))).isEqualTo(withNullText);
  }

  @Test
  void theWidestRecordsRoundTripInTheSameFormat() throws Exception {
    TypeSerializer<Wide> serializer = TypeSerializers.forClass(Wide.class);
    Object[] components = IntStream.range(0, 125).mapToObj(i -> (long) i * 1_000_003).toArray();
    Wide value = (Wide) Wide.class.getDeclaredConstructors()[0].newInstance(components);

    byte[] written = write(serializer, value);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    for (Object component : components) {
      data.writeLong((Long) component);
    }
    assertThat(written).isEqualTo(expected.toByteArray());
    assertThat(read(serializer, written)).isEqualTo(value);
  }

  /** A POJO with a public field, getter/setter pairs and a fluent setter. */
  public static final class Reading {
    public double value;
    private long at;
    private String sensor;
    private int quality;

    public long getAt() {
      return at;
    }

    public void setAt(long at) {
      this.at = at;
    }

    public String getSensor() {
      return sensor;
    }

    public Reading setSensor(String sensor) {
      this.sensor = sensor;
      return this;
    }

    public int getQuality() {
      return quality;
    }

    public void setQuality(int quality) {
      this.quality = quality;
    }
  }

  @Test
  void pojoFieldsAreWrittenInNameOrderAndReadBackThroughTheSetters() throws IOException {
    Reading reading = new Reading();
    reading.value = 21.5;
    reading.setAt(1_700_000_000_123L);
    reading.setSensor("t-7");
    reading.setQuality(3);
    TypeSerializer<Reading> serializer = TypeSerializers.forClass(Reading.class);

    byte[] written = write(serializer, reading);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeLong(1_700_000_000_123L); // at
    data.writeInt(3); // quality
    data.write(1); // sensor: present
    data.write(write(TypeSerializers.forClass(String.class), "t-7"));
    data.writeDouble(21.5); // value
    assertThat(written).isEqualTo(expected.toByteArray());

    Reading back = read(serializer, written);
    assertThat(back.value).isEqualTo(21.5);
    assertThat(back.getAt()).isEqualTo(1_700_000_000_123L);
    assertThat(back.getSensor()).isEqualTo("t-7");
    assertThat(back.getQuality()).isEqualTo(3);

    Reading empty = read(serializer, write(serializer, new Reading()));
    assertThat(empty.getSensor()).isNull();
  }

  @Test
  void manyRecordTypesEachGetTheirOwnWorkingCodec() throws IOException {
    // Hidden codec classes are per type: one type's handles must never serve another.
    TypeSerializer<EveryPrimitive> primitives = TypeSerializers.forClass(EveryPrimitive.class);
    TypeSerializer<Outer> outer = TypeSerializers.forClass(Outer.class);
    for (int i = 0; i < 3; i++) {
      assertThat(read(primitives, write(primitives, SAMPLE))).isEqualTo(SAMPLE);
      Outer o = new Outer(i, SAMPLE, List.of(i), null);
      assertThat(read(outer, write(outer, o))).isEqualTo(o);
    }
  }

  private static <T> byte[] write(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(8);
    serializer.serialize(value, out);
    return out.copyOfBuffer();
  }

  private static <T> T read(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    T value = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return value;
  }
}
