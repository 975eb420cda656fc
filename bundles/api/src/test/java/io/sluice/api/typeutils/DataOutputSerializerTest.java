package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataOutputSerializerTest {

  @Test
  void primitivesAreWrittenBigEndianExactlyAsDataOutputStreamWritesThem() throws IOException {
    ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
    DataOutputStream expected = new DataOutputStream(expectedBytes);
    DataOutputSerializer out = new DataOutputSerializer(1);
    expected.writeBoolean(true);
    expected.writeByte(-3);
    expected.writeShort(0x1234);
    expected.writeChar('\u20ac');
    expected.writeInt(0xCAFEBABE);
    expected.writeLong(0x0102030405060708L);
    expected.writeFloat(-1.5f);
    expected.writeDouble(Math.PI);
    expected.writeBytes("ab\u0141");
    expected.writeChars("x\u4e2d");
    expected.write(new byte[] {9, 8, 7}, 1, 2);
    out.writeBoolean(true);
    out.writeByte(-3);
    out.writeShort(0x1234);
    out.writeChar('\u20ac');
    out.writeInt(0xCAFEBABE);
    out.writeLong(0x0102030405060708L);
    out.writeFloat(-1.5f);
    out.writeDouble(Math.PI);
    out.writeBytes("ab\u0141");
    out.writeChars("x\u4e2d");
    out.write(new byte[] {9, 8, 7}, 1, 2);

    assertThat(out.copyOfBuffer()).isEqualTo(expectedBytes.toByteArray());
    assertThat(out.position()).isEqualTo(expectedBytes.size());
  }

  @Test
  void writeUtfMatchesDataOutputStreamIncludingNulAndSupplementaryChars() throws IOException {
    String text = "a\u0000\u00e9\u4e2d\ud83d\ude00";
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    new DataOutputStream(expected).writeUTF(text);
    DataOutputSerializer out = new DataOutputSerializer();

    out.writeUTF(text);

    assertThat(out.copyOfBuffer()).isEqualTo(expected.toByteArray());
  }

  @Test
  void writeUtfRejectsStringsLongerThan65535EncodedBytes() {
    DataOutputSerializer out = new DataOutputSerializer();

    assertThatThrownBy(() -> out.writeUTF("\u4e2d".repeat(30_000)))
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessageContaining("90000")
        .hasMessageContaining("writeString");
  }

  @Test
  void varIntTakesOneMoreByteAtEachSevenBitBoundary() {
    int[][] valueAndLength = {
      {0, 1},
      {127, 1},
      {128, 2},
      {16_383, 2},
      {16_384, 3},
      {(1 << 21) - 1, 3},
      {1 << 21, 4},
      {(1 << 28) - 1, 4},
      {1 << 28, 5},
      {Integer.MAX_VALUE, 5},
      {-1, 5},
      {Integer.MIN_VALUE, 5}
    };
    DataOutputSerializer out = new DataOutputSerializer(1);
    for (int[] pair : valueAndLength) {
      out.clear();
      out.writeVarInt(pair[0]);
      assertThat(out.position()).as("bytes for %d", pair[0]).isEqualTo(pair[1]);
    }
  }

  @Test
  void varIntPutsTheLowSevenBitsFirst() {
    DataOutputSerializer out = new DataOutputSerializer();

    out.writeVarInt(300); // 300 = 0b10_0101100: low group 0101100 with continuation, then 10

    assertThat(out.copyOfBuffer()).containsExactly((byte) 0xAC, (byte) 0x02);
  }

  @Test
  void asciiStringIsItsLengthFollowedByItsBytes() {
    DataOutputSerializer out = new DataOutputSerializer(2);

    out.writeString("hello");

    assertThat(out.copyOfBuffer()).containsExactly(5, 'h', 'e', 'l', 'l', 'o');
  }

  @Test
  void nonAsciiStringIsItsUtf8ByteLengthFollowedByStandardUtf8() {
    String text = "caf\u00e9 \u4e2d\u6587 \ud83d\ude80!";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    DataOutputSerializer out = new DataOutputSerializer(1);

    out.writeString(text);

    byte[] written = out.copyOfBuffer();
    assertThat(written[0]).isEqualTo((byte) utf8.length);
    assertThat(Arrays.copyOfRange(written, 1, written.length)).isEqualTo(utf8);
  }

  @Test
  void stringLengthOver127TakesATwoByteVarInt() {
    String text = "x".repeat(200);
    DataOutputSerializer out = new DataOutputSerializer();

    out.writeString(text);

    assertThat(out.position()).isEqualTo(2 + 200);
  }

  @Test
  void latin1CharsAboveAsciiAreNotTakenByTheAsciiFastPath() {
    DataOutputSerializer out = new DataOutputSerializer();

    out.writeString("\u00ff");

    assertThat(out.copyOfBuffer()).containsExactly(2, (byte) 0xC3, (byte) 0xBF);
  }

  @Test
  void growsPastItsInitialCapacityAndKeepsEarlierBytes() {
    DataOutputSerializer out = new DataOutputSerializer(4);
    byte[] expected = new byte[10_000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 31);
      out.writeByte(i * 31);
    }

    assertThat(out.copyOfBuffer()).isEqualTo(expected);
    assertThat(out.getSharedBuffer().length).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void clearRewindsButKeepsTheArray() {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeLong(42);
    byte[] array = out.getSharedBuffer();

    out.clear();
    out.writeInt(7);

    assertThat(out.position()).isEqualTo(4);
    assertThat(out.getSharedBuffer()).isSameAs(array);
    assertThat(out.copyOfBuffer()).containsExactly(0, 0, 0, 7);
  }

  @Test
  void copyOfBufferIsIndependentOfLaterWrites() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeInt(1);
    byte[] copy = out.copyOfBuffer();

    out.clear();
    out.writeInt(2);

    assertThat(copy).containsExactly(0, 0, 0, 1);
  }

  @Test
  void writeRejectsARangeOutsideTheSourceArray() {
    DataOutputSerializer out = new DataOutputSerializer();

    assertThatThrownBy(() -> out.write(new byte[4], 3, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void putIntOverwritesFourWrittenBytesInPlace() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeInt(0);
    out.writeByte(5);
    out.putInt(0, 0x01020304);

    assertThat(out.position()).isEqualTo(5);
    assertThat(out.copyOfBuffer()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void putIntRejectsAnIndexBeyondWhatWasWritten() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeShort(1);

    assertThatThrownBy(() -> out.putInt(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    out.writeInt(2);
    assertThatThrownBy(() -> out.putInt(3, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> out.putInt(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
