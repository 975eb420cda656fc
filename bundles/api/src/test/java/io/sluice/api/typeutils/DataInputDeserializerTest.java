package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataInputDeserializerTest {

  @Test
  void readsWhatDataOutputStreamWrote() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    data.writeBoolean(false);
    data.writeByte(200);
    data.writeShort(-2);
    data.writeChar('\u4e2d');
    data.writeInt(Integer.MIN_VALUE);
    data.writeLong(-123456789012345L);
    data.writeFloat(Float.NaN);
    data.writeDouble(-0.0);
    data.writeUTF("na\u00efve \ud83d\ude00");
    DataInputDeserializer in = new DataInputDeserializer(bytes.toByteArray());

    assertThat(in.readBoolean()).isFalse();
    assertThat(in.readUnsignedByte()).isEqualTo(200);
    assertThat(in.readShort()).isEqualTo((short) -2);
    assertThat(in.readChar()).isEqualTo('\u4e2d');
    assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(in.readLong()).isEqualTo(-123456789012345L);
    assertThat(in.readFloat()).isNaN();
    assertThat(Double.doubleToRawLongBits(in.readDouble()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(in.readUTF()).isEqualTo("na\u00efve \ud83d\ude00");
    assertThat(in.available()).isZero();
  }

  @Test
  void varIntsRoundTripAtEveryBoundary() throws IOException {
    List<Integer> values =
        List.of(
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            (1 << 21) - 1,
            1 << 21,
            (1 << 28) - 1,
            1 << 28,
            Integer.MAX_VALUE,
            -1,
            -128,
            Integer.MIN_VALUE);
    DataOutputSerializer out = new DataOutputSerializer(1);
    for (int value : values) {
      out.writeVarInt(value);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());

    for (int value : values) {
      assertThat(in.readVarInt()).isEqualTo(value);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void stringsRoundTripIncludingChineseEmojiAndLoneSurrogates() throws IOException {
    List<String> values =
        List.of(
            "",
            "plain ascii",
            "\u00e9t\u00e9 \u00fcber",
            "\u4f60\u597d\uff0c\u4e16\u754c",
            "rocket \ud83d\ude80 and family \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "lone high \ud800 and lone low \udc00 surrogates",
            "nul \u0000 inside",
            "mixed " + "\u4e2d".repeat(100) + "x".repeat(300));
    DataOutputSerializer out = new DataOutputSerializer(1);
    for (String value : values) {
      out.writeString(value);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());

    for (String value : values) {
      assertThat(in.readString()).isEqualTo(value);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void aNonAsciiCharacterIsDecodedWhereverItSitsInALongAsciiRun() throws IOException {
    // the ASCII scan goes eight bytes at a time: a non-ASCII character in any lane, or in the
    // tail after the last full eight bytes, must end it
    for (int length = 0; length <= 27; length++) {
      for (int at = -1; at < length; at++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
          text.append(i == at ? '\u00e9' : (char) ('a' + i % 26));
        }
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeString(text.toString());
        out.writeByte(0x7f);
        byte[] bytes = out.copyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer(bytes, 0, bytes.length);

        assertThat(in.readString()).isEqualTo(text.toString());
        assertThat(in.readByte()).isEqualTo((byte) 0x7f);
      }
    }
  }

  @Test
  void readsOnlyTheRangeItWasGiven() throws IOException {
    byte[] bytes = {99, 0, 0, 0, 5, 98};
    DataInputDeserializer in = new DataInputDeserializer();

    in.setBuffer(bytes, 1, 4);

    assertThat(in.available()).isEqualTo(4);
    assertThat(in.position()).isEqualTo(1);
    assertThat(in.readInt()).isEqualTo(5);
    assertThat(in.available()).isZero();
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }

  @Test
  void everyReadPastTheEndThrowsEofAndConsumesNothing() {
    byte[] threeBytes = {1, 2, 3};
    DataInputDeserializer in = new DataInputDeserializer(threeBytes);

    assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class).hasMessageContaining("4");
    assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
    assertThatThrownBy(in::readDouble).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> in.readFully(new byte[4])).isInstanceOf(EOFException.class);
    assertThat(in.available()).isEqualTo(3);
  }

  @Test
  void aStringCutShortThrowsEofAndLeavesThePositionAtItsStart() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeString("\u4e2d\u6587 text");
    byte[] full = out.copyOfBuffer();
    DataInputDeserializer in = new DataInputDeserializer(full, 0, full.length - 1);

    assertThatThrownBy(in::readString).isInstanceOf(EOFException.class);
    assertThat(in.position()).isZero();
  }

  @Test
  void aVarIntCutShortThrowsEof() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {(byte) 0x80, (byte) 0x80});

    assertThatThrownBy(in::readVarInt).isInstanceOf(EOFException.class);
  }

  @Test
  void aVarIntOfMoreThan32BitsIsRejected() {
    byte[] sixBytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
    DataInputDeserializer in = new DataInputDeserializer(sixBytes);

    assertThatThrownBy(in::readVarInt)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("var-int");
  }

  @Test
  void malformedUtf8IsRejectedWithAnIoException() {
    byte[] badContinuation = {2, (byte) 0xC3, 0x41};
    DataInputDeserializer in = new DataInputDeserializer(badContinuation);

    assertThatThrownBy(in::readString).isInstanceOf(UTFDataFormatException.class);
    assertThat(in.position()).isZero();
  }

  @Test
  void skipBytesStopsAtTheEndOfTheRange() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[10], 2, 5);

    assertThat(in.skipBytes(3)).isEqualTo(3);
    assertThat(in.skipBytes(10)).isEqualTo(2);
    assertThat(in.available()).isZero();
  }

  @Test
  void readLineSplitsOnNewlineCarriageReturnAndBoth() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeBytes("one\ntwo\r\nthree\rfour");
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());

    assertThat(in.readLine()).isEqualTo("one");
    assertThat(in.readLine()).isEqualTo("two");
    assertThat(in.readLine()).isEqualTo("three");
    assertThat(in.readLine()).isEqualTo("four");
    assertThat(in.readLine()).isNull();
  }

  @Test
  void setBufferRejectsARangeOutsideTheArray() {
    DataInputDeserializer in = new DataInputDeserializer();

    assertThatThrownBy(() -> in.setBuffer(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
