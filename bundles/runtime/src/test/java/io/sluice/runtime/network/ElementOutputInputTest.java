package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ElementOutputInputTest {

  private final ElementOutput out = new ElementOutput(1);
  private final ElementInput in = new ElementInput();

  private void flip() {
    in.reset(out.array(), 0, out.position());
  }

  @Test
  void primitivesMatchDataOutputStreamByteForByte() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream reference = new DataOutputStream(bytes);
    for (DataWriter writer :
        new DataWriter[] {
          o -> o.writeBoolean(true),
          o -> o.writeByte(-7),
          o -> o.writeShort(0xBEEF),
          o -> o.writeChar('é'),
          o -> o.writeInt(0xCAFEBABE),
          o -> o.writeLong(0x0123456789ABCDEFL),
          o -> o.writeFloat(3.25f),
          o -> o.writeDouble(-1e300),
          o -> o.writeBytes("latin"),
          o -> o.writeChars("ch€rs"),
          o -> o.writeUTF("modified \u0000 utf 世界 😀"),
          o -> o.write(new byte[] {1, 2, 3, 4, 5}, 1, 3)
        }) {
      writer.write(out);
      writer.write(reference);
    }

    assertThat(Arrays.copyOf(out.array(), out.position())).isEqualTo(bytes.toByteArray());
  }

  @Test
  void primitivesReadBackWhatWasWritten() throws IOException {
    out.writeBoolean(true);
    out.writeByte(-7);
    out.writeShort(0xBEEF);
    out.writeChar('é');
    out.writeInt(Integer.MIN_VALUE);
    out.writeLong(Long.MAX_VALUE);
    out.writeFloat(3.25f);
    out.writeDouble(-1e300);
    out.writeUTF("modified \u0000 utf 世界 😀");
    out.write(new byte[] {9, 8, 7});
    out.writeBytes("line one\r\nline two\n");
    flip();

    assertThat(in.readBoolean()).isTrue();
    assertThat(in.readByte()).isEqualTo((byte) -7);
    assertThat(in.readUnsignedShort()).isEqualTo(0xBEEF);
    assertThat(in.readChar()).isEqualTo('é');
    assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(in.readFloat()).isEqualTo(3.25f);
    assertThat(in.readDouble()).isEqualTo(-1e300);
    assertThat(in.readUTF()).isEqualTo("modified \u0000 utf 世界 😀");
    byte[] three = new byte[3];
    in.readFully(three);
    assertThat(three).containsExactly(9, 8, 7);
    assertThat(in.readLine()).isEqualTo("line one");
    assertThat(in.readLine()).isEqualTo("line two");
    assertThat(in.readLine()).isNull();
    assertThat(in.remaining()).isZero();
  }

  @Test
  void varIntsTakeOneToFiveBytesAndRoundTrip() throws IOException {
    int[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
    int[] sizes = {1, 1, 1, 2, 2, 3, 5, 5, 5};
    for (int i = 0; i < values.length; i++) {
      out.clear();
      out.writeVarInt(values[i]);
      assertThat(out.position()).as("size of %d", values[i]).isEqualTo(sizes[i]);
      flip();
      assertThat(in.readVarInt()).isEqualTo(values[i]);
    }
  }

  @Test
  void stringsAreUtf8WithAVarIntLengthLikeStringGetBytes() throws IOException {
    String[] samples = {
      "", "ascii", "é", "€uro", "世界", "emoji 😀 pair", "x".repeat(300), "lone \uD800 surrogate"
    };
    for (String sample : samples) {
      out.clear();
      out.writeString(sample);
      byte[] utf8 = sample.getBytes(StandardCharsets.UTF_8);
      ElementOutput expected = new ElementOutput(8);
      expected.writeVarInt(utf8.length);
      expected.write(utf8);
      assertThat(Arrays.copyOf(out.array(), out.position()))
          .as(sample)
          .isEqualTo(Arrays.copyOf(expected.array(), expected.position()));
      flip();
      assertThat(in.readString()).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
    }
  }

  @Test
  void readingPastTheElementIsAnEofError() {
    out.writeInt(1);
    flip();

    assertThatThrownBy(in::readLong)
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("needed 8 more bytes")
        .hasMessageContaining("only 4 left");
  }

  @Test
  void inputReadsOnlyItsRange() throws IOException {
    byte[] data = {1, 2, 3, 4, 5, 6};
    in.reset(data, 2, 4);

    assertThat(in.readUnsignedByte()).isEqualTo(3);
    assertThat(in.skipBytes(10)).isEqualTo(1);
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }

  @Test
  void writeUtfRejectsStringsLongerThan65535EncodedBytes() {
    assertThatThrownBy(() -> out.writeUTF("é".repeat(40_000)))
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessageContaining("writeString");
  }

  @Test
  void outputGrowsKeepsItsContentAndPrunesBack() {
    for (int i = 0; i < 10_000; i++) {
      out.writeInt(i);
    }
    out.putInt(0, -1);

    in.reset(out.array(), 0, out.position());
    assertThat(out.position()).isEqualTo(40_000);
    assertThat(ElementInput.readIntAt(out.array(), 0)).isEqualTo(-1);
    assertThat(ElementInput.readIntAt(out.array(), 39_996)).isEqualTo(9_999);
    out.prune(1024);
    assertThat(out.array()).hasSize(1024);
    assertThat(out.position()).isZero();
    assertThatThrownBy(() -> out.putInt(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @FunctionalInterface
  private interface DataWriter {
    void write(DataOutput out) throws IOException;
  }
}
