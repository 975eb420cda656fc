package io.sluice.runtime.network;

import static io.sluice.runtime.network.LocalPipe.drain;
import static io.sluice.runtime.network.TestSerializers.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sluice.runtime.network.TestSerializers.BytesSerializer;
import io.sluice.runtime.network.TestSerializers.CountingSerializer;
import io.sluice.runtime.network.TestSerializers.LongSerializer;
import io.sluice.runtime.network.TestSerializers.StringSerializer;
import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.KeyGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordWriterReaderTest {

  private static final int BUFFER = 64;

  /** Tiny buffers and a pool large enough that single-threaded tests never block. */
  private static final ShuffleSettings SETTINGS = new ShuffleSettings(BUFFER, 200, 0);

  private final List<LocalPipe> pipes = new ArrayList<>();

  private LocalPipe pipe(int producers, int consumers) {
    LocalPipe pipe = new LocalPipe(producers, consumers, SETTINGS);
    pipes.add(pipe);
    return pipe;
  }

  @AfterEach
  void release() {
    pipes.forEach(LocalPipe::close);
  }

  @Test
  void recordsSmallerThanABufferArriveWithTheirTimestamps() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<Long> writer =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), false);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    List<String> expected = new ArrayList<>();
    long expectedBytes = 0;
    for (long i = 0; i < 100; i++) {
      if (i % 2 == 0) {
        writer.emit(i);
        expected.add("record " + i);
        expectedBytes += 4 + 1 + 8;
      } else {
        writer.emit(i, 1000 + i);
        expected.add("record " + i + " @" + (1000 + i));
        expectedBytes += 4 + 1 + 8 + 8;
      }
    }
    writer.finish();

    ElementLog<Long> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.END_OF_INPUT);

    assertThat(log.lines).containsExactlyElementsOf(expected);
    assertThat(writer.numRecordsOut()).isEqualTo(100);
    assertThat(reader.numRecordsIn()).isEqualTo(100);
    assertThat(writer.numBytesOut()).isEqualTo(expectedBytes);
    assertThat(reader.numBytesIn()).isEqualTo(expectedBytes);
    assertThat(writer.numBuffersOut()).isEqualTo((expectedBytes + BUFFER - 1) / BUFFER);
  }

  @Test
  void aRecordExactlyTheSizeOfABufferIsEmittedAsSoonAsItIsWritten() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<byte[]> writer =
        pipe.writer(0, new ForwardSelector<>(0), new BytesSerializer(), false);
    StreamInputReader<byte[]> reader = pipe.reader(0, new BytesSerializer());
    int payload = BytesSerializer.payloadForElementSize(BUFFER);

    for (int i = 0; i < 3; i++) {
      writer.emit(pattern(payload, i));
      assertThat(writer.numBuffersOut()).isEqualTo(i + 1);
    }

    ElementLog<byte[]> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(log.records)
        .containsExactly(pattern(payload, 0), pattern(payload, 1), pattern(payload, 2));
  }

  @Test
  void recordsManyTimesLargerThanABufferSpanBuffers() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<byte[]> writer =
        pipe.writer(0, new ForwardSelector<>(0), new BytesSerializer(), false);
    StreamInputReader<byte[]> reader = pipe.reader(0, new BytesSerializer());
    int[] sizes = {1000, 50 * BUFFER + 17, 3, 6400};
    long totalBytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      writer.emit(pattern(sizes[i], i), i);
      totalBytes += BytesSerializer.elementSize(sizes[i]) + 8;
    }
    writer.finish();

    ElementLog<byte[]> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.END_OF_INPUT);

    assertThat(log.records).hasSize(sizes.length);
    for (int i = 0; i < sizes.length; i++) {
      assertThat(log.records.get(i)).isEqualTo(pattern(sizes[i], i));
    }
    assertThat(writer.numBuffersOut()).isEqualTo((totalBytes + BUFFER - 1) / BUFFER);
  }

  /**
   * The first element leaves {@code lengthBytesInFirstBuffer} bytes of room, so the second
   * element's four-byte length prefix starts in the first buffer and ends in the second.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void lengthPrefixSplitAcrossBuffersAtEveryOffset(int lengthBytesInFirstBuffer) throws Exception {
    LocalPipe pipe = pipe(1, 1);
    List<byte[]> emitted = new ArrayList<>();
    RecordingPartition recording = new RecordingPartition(pipe.partitions.get(0), emitted);
    RecordWriter<byte[]> writer =
        new RecordWriter<>(recording, new ForwardSelector<>(0), new BytesSerializer(), false);
    StreamInputReader<byte[]> reader = pipe.reader(0, new BytesSerializer());
    byte[] first =
        pattern(BytesSerializer.payloadForElementSize(BUFFER - lengthBytesInFirstBuffer), 1);
    byte[] second = pattern(11, 2);

    writer.emit(first);
    writer.emit(second);
    writer.finish();

    byte[] secondLength = {0, 0, 0, (byte) (BytesSerializer.elementSize(11) - 4)};
    assertThat(emitted.get(0)).hasSize(BUFFER);
    assertThat(Arrays.copyOfRange(emitted.get(0), BUFFER - lengthBytesInFirstBuffer, BUFFER))
        .isEqualTo(Arrays.copyOf(secondLength, lengthBytesInFirstBuffer));
    ElementLog<byte[]> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(log.records).containsExactly(first, second);
  }

  @Test
  void channelsInterleaveWhileEachAssemblesItsOwnSpanningRecords() throws Exception {
    LocalPipe pipe = pipe(2, 1);
    List<RecordWriter<byte[]>> writers =
        List.of(
            pipe.writer(0, new ForwardSelector<>(0), new BytesSerializer(), false),
            pipe.writer(1, new ForwardSelector<>(0), new BytesSerializer(), false));
    for (int i = 0; i < 4; i++) {
      for (int p = 0; p < 2; p++) {
        writers.get(p).emit(pattern(150 + p * 37 + i, p * 100 + i));
      }
    }
    writers.forEach(RecordWriter::finish);
    List<Integer> channelOrder = new ArrayList<>();
    InputGate gate = new ChannelRecordingGate(pipe.gates.get(0), channelOrder);
    StreamInputReader<byte[]> reader = new StreamInputReader<>(gate, new BytesSerializer());

    ElementLog<byte[]> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.END_OF_INPUT);

    assertThat(channelOrder.subList(0, 4)).as("buffers alternate").containsExactly(0, 1, 0, 1);
    Map<Integer, List<byte[]>> byProducer = new HashMap<>();
    for (byte[] record : log.records) {
      int producer = record.length >= 187 ? 1 : 0;
      byProducer.computeIfAbsent(producer, p -> new ArrayList<>()).add(record);
    }
    for (int p = 0; p < 2; p++) {
      List<byte[]> expected = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        expected.add(pattern(150 + p * 37 + i, p * 100 + i));
      }
      assertThat(byProducer.get(p)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void watermarksAndEventsKeepTheirPlaceAmongRecords() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<String> writer =
        pipe.writer(0, new ForwardSelector<>(0), new StringSerializer(), false);
    StreamInputReader<String> reader = pipe.reader(0, new StringSerializer());

    writer.emit("a");
    writer.broadcastWatermark(10);
    writer.emit("b".repeat(100), 20);
    writer.broadcastEvent("barrier-1".getBytes(StandardCharsets.UTF_8));
    writer.emit("c");
    writer.broadcastWatermark(Long.MAX_VALUE);
    writer.finish();

    ElementLog<String> log = ElementLog.of();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(log.lines)
        .containsExactly(
            "record a",
            "watermark 10 from 0",
            "record " + "b".repeat(100) + " @20",
            "event barrier-1 from 0",
            "record c",
            "watermark " + Long.MAX_VALUE + " from 0");
  }

  @Test
  void watermarkStatusReachesEveryChannelAfterTheRecordsRoutedThereBeforeIt() throws Exception {
    LocalPipe pipe = pipe(1, 2);
    // Routes by length: even lengths to consumer 0, odd to consumer 1.
    ChannelSelector<String> byLength =
        new ChannelSelector<>() {
          @Override
          public void setup(int numberOfChannels) {}

          @Override
          public int selectChannel(String value) {
            return value.length() % 2;
          }

          @Override
          public boolean isBroadcast() {
            return false;
          }
        };
    RecordWriter<String> writer = pipe.writer(0, byLength, new StringSerializer(), false);
    writer.emit("aa", 1);
    writer.emit("b", 2);
    writer.broadcastWatermarkStatus(true);
    writer.emit("ccc", 3);
    writer.broadcastWatermarkStatus(false);
    writer.broadcastWatermark(7);
    writer.finish();

    ElementLog<String> first = ElementLog.of();
    ElementLog<String> second = ElementLog.of();
    assertThat(drain(pipe.reader(0, new StringSerializer()), first))
        .isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(drain(pipe.reader(1, new StringSerializer()), second))
        .isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(first.lines)
        .containsExactly(
            "record aa @1", "status idle from 0", "status active from 0", "watermark 7 from 0");
    assertThat(second.lines)
        .containsExactly(
            "record b @2",
            "status idle from 0",
            "record ccc @3",
            "status active from 0",
            "watermark 7 from 0");
  }

  @Test
  void flushAfterEveryRecordMakesEachRecordVisibleRightAfterEmit() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<Long> writer =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), true);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    for (long i = 0; i < 10; i++) {
      writer.emit(i);
      assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
      assertThat(log.records).last().isEqualTo(i);
      assertThat(reader.pollNext(log)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    }
    writer.broadcastWatermark(5);
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(log.lines).last().isEqualTo("watermark 5 from 0");
  }

  @Test
  void withoutFlushingRecordsWaitInThePartialBufferUntilFlushAll() throws Exception {
    LocalPipe pipe = pipe(1, 1);
    RecordWriter<Long> writer =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), false);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    writer.emit(1L);
    writer.emit(2L);
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

    writer.flushAll();
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(log.records).containsExactly(1L, 2L);
    assertThat(writer.numBuffersOut()).isEqualTo(1);
  }

  @Test
  void keyGroupSelectorSendsEqualKeysToTheSubtaskOwningTheirKeyGroup() throws Exception {
    int consumers = 4;
    int maxParallelism = 16;
    LocalPipe pipe = pipe(1, consumers);
    RecordWriter<String> writer =
        pipe.writer(
            0,
            new KeyGroupSelector<String, String>(
                s -> s.substring(0, s.indexOf(':')), maxParallelism),
            new StringSerializer(),
            false);
    for (int round = 0; round < 3; round++) {
      for (int user = 0; user < 50; user++) {
        writer.emit("user-" + user + ":" + round);
      }
    }
    writer.finish();

    Map<String, Integer> consumerOfKey = new HashMap<>();
    int total = 0;
    for (int c = 0; c < consumers; c++) {
      ElementLog<String> log = ElementLog.of();
      assertThat(drain(pipe.reader(c, new StringSerializer()), log))
          .isEqualTo(InputStatus.END_OF_INPUT);
      for (String record : log.records) {
        String key = record.substring(0, record.indexOf(':'));
        Integer previous = consumerOfKey.put(key, c);
        assertThat(previous).as("key %s always goes to one consumer", key).isIn(null, c);
        int keyGroup = KeyGroups.assignToKeyGroup(key, maxParallelism);
        assertThat(KeyGroups.rangeForOperator(maxParallelism, consumers, c).contains(keyGroup))
            .as("consumer %d owns key group %d of %s", c, keyGroup, key)
            .isTrue();
      }
      total += log.records.size();
    }
    assertThat(total).isEqualTo(150);
    assertThat(consumerOfKey).hasSize(50);
    assertThat(Map.copyOf(consumerOfKey).values())
        .as("keys spread over consumers")
        .contains(0, 1, 2, 3);
  }

  @Test
  void rebalanceDistributesEvenlyStartingAtItsOffset() throws Exception {
    LocalPipe pipe = pipe(1, 4);
    RecordWriter<Long> writer =
        pipe.writer(0, new RebalanceSelector<>(2), new LongSerializer(), false);
    for (long i = 0; i < 400; i++) {
      writer.emit(i);
    }
    writer.finish();

    for (int c = 0; c < 4; c++) {
      ElementLog<Long> log = ElementLog.of();
      drain(pipe.reader(c, new LongSerializer()), log);
      assertThat(log.records).hasSize(100);
      long firstRecord = Math.floorMod(c - 2, 4);
      assertThat(log.records.get(0)).isEqualTo(firstRecord);
      assertThat(log.records).allMatch(r -> r % 4 == firstRecord);
    }
  }

  @Test
  void broadcastReachesEveryConsumerAndSerializesEachRecordOnce() throws Exception {
    LocalPipe pipe = pipe(1, 3);
    CountingSerializer<Long> serializer = new CountingSerializer<>(new LongSerializer());
    RecordWriter<Long> writer = pipe.writer(0, new BroadcastSelector<>(), serializer, false);
    for (long i = 0; i < 10; i++) {
      writer.emit(i);
    }
    writer.finish();

    assertThat(serializer.serializeCalls).isEqualTo(10);
    assertThat(writer.numRecordsOut()).isEqualTo(10);
    for (int c = 0; c < 3; c++) {
      ElementLog<Long> log = ElementLog.of();
      assertThat(drain(pipe.reader(c, new LongSerializer()), log))
          .isEqualTo(InputStatus.END_OF_INPUT);
      assertThat(log.records).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }
  }

  @Test
  void endOfInputIsReportedOnlyAfterEveryChannelDeliveredAllData() throws Exception {
    LocalPipe pipe = pipe(2, 1);
    RecordWriter<Long> first =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), false);
    RecordWriter<Long> second =
        pipe.writer(1, new ForwardSelector<>(0), new LongSerializer(), false);
    StreamInputReader<Long> reader = pipe.reader(0, new LongSerializer());
    ElementLog<Long> log = ElementLog.of();

    first.emit(1L);
    first.finish();
    assertThat(drain(reader, log)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(log.records).containsExactly(1L);

    second.emit(2L);
    second.emit(3L);
    second.finish();
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(log.records).containsExactly(1L, 2L, 3L);
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(reader.pollNext(log)).isEqualTo(InputStatus.END_OF_INPUT);
  }

  @Test
  void anEventLargerThanABufferIsRejectedBeforeAnythingIsSent() throws Exception {
    LocalPipe pipe = pipe(1, 2);
    RecordWriter<Long> writer =
        pipe.writer(0, new BroadcastSelector<>(), new LongSerializer(), false);

    assertThatThrownBy(() -> writer.broadcastEvent(new byte[BUFFER + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit in one network buffer of " + BUFFER + " bytes");
    assertThat(writer.numBuffersOut()).isZero();
    writer.broadcastEvent(new byte[BUFFER]);
    assertThat(writer.numBuffersOut()).isEqualTo(2);
  }

  @Test
  void closeRecyclesPartialBuffersWithoutSendingThem() throws Exception {
    LocalPipe pipe = new LocalPipe(1, 1, new ShuffleSettings(BUFFER, 1, 0)); // a one-buffer pool
    pipes.add(pipe);
    RecordWriter<Long> failed =
        pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), false);
    failed.emit(1L);

    failed.close();

    RecordWriter<Long> next = pipe.writer(0, new ForwardSelector<>(0), new LongSerializer(), true);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30), () -> next.emit(2L), "the only buffer came back to the pool");
    ElementLog<Long> log = ElementLog.of();
    drain(pipe.reader(0, new LongSerializer()), log);
    assertThat(log.records).containsExactly(2L);
    assertThat(failed.numBuffersOut()).isZero();
  }
}
