package io.sluice.runtime.network;

import static io.sluice.runtime.network.LocalPipe.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.TestSerializers.LongSerializer;
import io.sluice.runtime.network.TestSerializers.StringSerializer;
import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader fed with hand-made buffers, so every split and every corruption can be staged. */
class StreamInputReaderTest {

  private static final ShuffleSettings SETTINGS = new ShuffleSettings(256, 8, 0);

  private final List<LocalPipe> pipes = new ArrayList<>();

  private LocalPipe pipe(int producers) {
    LocalPipe pipe = new LocalPipe(producers, 1, SETTINGS);
    pipes.add(pipe);
    return pipe;
  }

  @AfterEach
  void release() {
    pipes.forEach(LocalPipe::close);
  }

  /** Emits {@code bytes[from, to)} as one DATA buffer of {@code partition}. */
  private static void emitBytes(ResultPartitionWriter partition, byte[] bytes, int from, int to)
      throws InterruptedException {
    NetworkBuffer buffer = partition.requestBuffer();
    System.arraycopy(bytes, from, buffer.array(), 0, to - from);
    buffer.setSize(to - from);
    buffer.setKind(NetworkBuffer.Kind.DATA);
    partition.emit(0, buffer);
  }

  /** A stream of elements in the wire format, built by hand from the documented layout. */
  private static byte[] sampleStream() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(1 + 8); // record 7
    out.writeByte(0);
    out.writeLong(7);
    int start = out.position();
    out.writeInt(0); // record "héllo, 世界" at 42, length patched below
    out.writeByte(1);
    out.writeLong(42);
    out.writeString("héllo, 世界");
    out.putInt(start, out.position() - start - 4);
    out.writeInt(1 + 8); // watermark 99
    out.writeByte(2);
    out.writeLong(99);
    return Arrays.copyOf(out.getSharedBuffer(), out.position());
  }

  @Test
  void aStreamSplitAtAnyByteDecodesToTheSameElements() throws Exception {
    byte[] stream = sampleStream();
    List<String> expected = List.of("record 7", "record héllo, 世界 @42", "watermark 99 from 0");
    for (int split = 1; split < stream.length; split++) {
      for (int secondSplit = split; secondSplit <= stream.length; secondSplit += 3) {
        LocalPipe pipe = pipe(1);
        ResultPartitionWriter partition = pipe.partitions.get(0);
        emitBytes(partition, stream, 0, split);
        emitBytes(partition, stream, split, secondSplit);
        if (secondSplit < stream.length) {
          emitBytes(partition, stream, secondSplit, stream.length);
        }
        partition.finish();

        ElementLog<Object> log = ElementLog.of();
        @SuppressWarnings({"unchecked", "rawtypes"})
        StreamInputReader<Object> reader =
            new StreamInputReader<>(pipe.gates.get(0), (TypeSerializer) new MixedSerializer());
        assertThat(drain(reader, log))
            .as("split at %d and %d", split, secondSplit)
            .isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(log.lines)
            .as("split at %d and %d", split, secondSplit)
            .containsExactlyElementsOf(expected);
        pipe.close();
      }
    }
  }

  @Test
  void aNegativeLengthNamesTheChannelAndTheOffset() throws Exception {
    LocalPipe pipe = pipe(2);
    DataOutputSerializer out = new DataOutputSerializer(32);
    out.writeInt(9);
    out.writeByte(0);
    out.writeLong(1);
    out.writeInt(-3);
    out.writeByte(0);
    emitBytes(pipe.partitions.get(1), out.getSharedBuffer(), 0, out.position());
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    assertThatThrownBy(() -> reader.pollNext(log))
        .isInstanceOfSatisfying(
            CorruptElementException.class,
            e -> {
              assertThat(e.channel()).isEqualTo(1);
              assertThat(e.offset()).isEqualTo(13);
            })
        .hasMessageContaining("input channel 1")
        .hasMessageContaining("byte offset 13")
        .hasMessageContaining("length -3");
    assertThat(log.records).containsExactly(1L);
  }

  @Test
  void aCorruptLengthSplitAcrossBuffersIsStillCaught() throws Exception {
    LocalPipe pipe = pipe(1);
    byte[] garbage = {0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 5, (byte) 0x7F, (byte) 0xFF};
    byte[] rest = {(byte) 0xFF, (byte) 0xFF, 0};
    emitBytes(pipe.partitions.get(0), garbage, 0, garbage.length);
    emitBytes(pipe.partitions.get(0), rest, 0, rest.length);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThatThrownBy(() -> reader.pollNext(log))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("byte offset 13")
        .hasMessageContaining("length " + Integer.MAX_VALUE);
  }

  @Test
  void aSerializerThatFailsNamesTheChannelTheOffsetAndTheType() throws Exception {
    LocalPipe pipe = pipe(1);
    RecordWriter<String> writer =
        pipe.writer(0, new ForwardSelector<>(0), new StringSerializer(), true);
    writer.emit("fine");
    writer.emit("abc");
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    assertThatThrownBy(() -> reader.pollNext(log))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("input channel 0 at byte offset 0")
        .hasMessageContaining("java.lang.Long")
        .hasCauseInstanceOf(EOFException.class);
  }

  @Test
  void aSerializerThatReadsTooLittleIsReportedAsAMismatch() throws Exception {
    LocalPipe pipe = pipe(1);
    RecordWriter<Long> writer =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), true);
    writer.emit(1L);
    writer.emit(2L);
    StreamInputReader<Integer> reader = pipe.reader(0, new IntSerializer());

    assertThatThrownBy(() -> reader.pollNext(ElementLog.of()))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("byte offset 0")
        .hasMessageContaining("read 4 of 8 payload bytes");
  }

  @Test
  void anUnknownTagIsCorrupt() throws Exception {
    LocalPipe pipe = pipe(1);
    byte[] element = {0, 0, 0, 1, 9};
    emitBytes(pipe.partitions.get(0), element, 0, element.length);

    assertThatThrownBy(() -> pipe.reader(0, new LongSerializer()).pollNext(ElementLog.of()))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("unknown element tag 9");
  }

  @Test
  void aChannelThatEndsInsideAnElementIsCorrupt() throws Exception {
    LocalPipe pipe = pipe(1);
    byte[] half = {0, 0, 0, 9, 0, 1, 2};
    emitBytes(pipe.partitions.get(0), half, 0, half.length);
    pipe.partitions.get(0).finish();
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());

    assertThat(reader.pollNext(ElementLog.of())).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThatThrownBy(() -> reader.pollNext(ElementLog.of()))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("ended inside this element");
  }

  @Test
  void aProducerFailureSurfacesFromPollNext() throws Exception {
    LocalPipe pipe = pipe(1);
    IllegalStateException cause = new IllegalStateException("source crashed");
    pipe.partitions.get(0).fail(cause);

    assertThatThrownBy(() -> pipe.reader(0, new LongSerializer()).pollNext(ElementLog.of()))
        .isInstanceOf(ShuffleException.class)
        .hasCause(cause);
  }

  @Test
  void theBufferIsRecycledEvenWhenTheHandlerThrows() throws Exception {
    LocalPipe pipe = new LocalPipe(1, 1, new ShuffleSettings(64, 1, 0)); // one buffer in the pool
    pipes.add(pipe);
    RecordWriter<Long> writer =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), true);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    writer.emit(1L);
    ElementHandler<Long> failing =
        new ElementHandler<>() {
          @Override
          public void onRecord(Long value, long timestamp) {
            throw new IllegalArgumentException("operator bug");
          }

          @Override
          public void onWatermark(int channel, long watermark) {}

          @Override
          public void onWatermarkStatus(int channel, boolean idle) {}

          @Override
          public void onEvent(int channel, byte[] payload) {}
        };

    assertThatThrownBy(() -> reader.pollNext(failing)).hasMessage("operator bug");
    writer.emit(2L); // would block forever if the only buffer had not come back
    ElementLog<Long> log = ElementLog.of();
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(log.records).containsExactly(2L);
  }

  /** Reads Long for 8-byte payloads and String otherwise; for the hand-made mixed stream. */
  private static final class MixedSerializer implements TypeSerializer<Object> {
    private final LongSerializer longs = new LongSerializer();
    private final StringSerializer strings = new StringSerializer();

    @Override
    public void serialize(Object value, DataOutputView out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
      return ((DataInputDeserializer) in).available() == 8
          ? longs.deserialize(in)
          : strings.deserialize(in);
    }

    @Override
    public Object copy(Object value) {
      return value;
    }

    @Override
    public TypeSerializer<Object> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return Object.class;
    }
  }

  private static final class IntSerializer implements TypeSerializer<Integer> {
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
    public TypeSerializer<Integer> duplicate() {
      return this;
    }

    @Override
    public Type type() {
      return Integer.class;
    }
  }

  @Test
  void aWatermarkStatusSplitAtAnyByteDecodesToIdleThenActive() throws Exception {
    // Hand-made from the documented layout: length 2, tag 3, status (1 = idle, 0 = active).
    byte[] stream = {0, 0, 0, 2, 3, 1, 0, 0, 0, 2, 3, 0};
    for (int split = 1; split < stream.length; split++) {
      LocalPipe pipe = pipe(1);
      ResultPartitionWriter partition = pipe.partitions.get(0);
      emitBytes(partition, stream, 0, split);
      emitBytes(partition, stream, split, stream.length);
      partition.finish();
      ElementLog<Long> log = ElementLog.of();

      assertThat(drain(pipe.reader(0, new LongSerializer()), log))
          .as("split at %d", split)
          .isEqualTo(InputStatus.END_OF_INPUT);
      assertThat(log.lines)
          .as("split at %d", split)
          .containsExactly("status idle from 0", "status active from 0");
      pipe.close();
    }
  }

  @Test
  void aWatermarkStatusWithAnUnknownValueIsCorrupt() throws Exception {
    LocalPipe pipe = pipe(1);
    byte[] element = {0, 0, 0, 2, 3, 7};
    emitBytes(pipe.partitions.get(0), element, 0, element.length);

    assertThatThrownBy(() -> pipe.reader(0, new LongSerializer()).pollNext(ElementLog.of()))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("unknown watermark status 7");
  }

  @Test
  void aWatermarkStatusOfTheWrongLengthIsCorrupt() throws Exception {
    LocalPipe pipe = pipe(1);
    byte[] element = {0, 0, 0, 3, 3, 1, 0};
    emitBytes(pipe.partitions.get(0), element, 0, element.length);

    assertThatThrownBy(() -> pipe.reader(0, new LongSerializer()).pollNext(ElementLog.of()))
        .isInstanceOf(CorruptElementException.class)
        .hasMessageContaining("a watermark status of 3 bytes instead of 2");
  }
}
