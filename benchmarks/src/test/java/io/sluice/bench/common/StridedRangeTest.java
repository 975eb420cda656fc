package io.sluice.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StridedRangeTest {

  @ParameterizedTest
  @CsvSource({"1,10", "2,10", "3,10", "4,3", "2,0"})
  void subtaskSharesCoverEveryIndexExactlyOnce(int parallelism, long total) {
    List<Long> generated = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      StridedRange range = StridedRange.forSubtask(subtask, parallelism, total);
      GeneratorCursor<Long> cursor = new GeneratorCursor<>(new LongGenerator(), range, false);
      List<Long> share = new ArrayList<>();
      while (cursor.emitBatch(share::add) > 0) {
        // keep polling until the range is exhausted
      }
      assertThat(share).hasSize((int) range.size());
      generated.addAll(share);
    }
    assertThat(generated)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, total).boxed().toList());
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void allRecordsOfAKeyComeFromOneSubtask(int parallelism) {
    for (int subtask = 0; subtask < parallelism; subtask++) {
      GeneratorCursor<Long> cursor =
          new GeneratorCursor<>(
              new LongGenerator(), StridedRange.forSubtask(subtask, parallelism, 40_000), false);
      int owner = subtask;
      List<Long> share = new ArrayList<>();
      while (cursor.emitBatch(share::add) > 0) {
        // drain
      }
      assertThat(share).allMatch(x -> LongWorkloads.key(x) % parallelism == owner);
    }
  }

  @ParameterizedTest
  @CsvSource({"0,1,1000", "3,4,1000", "999,2,1000"})
  void aCheckpointedRemainderContinuesWhereTheCursorStopped(long first, long stride, long end) {
    GeneratorCursor<Long> cursor =
        new GeneratorCursor<>(new LongGenerator(), new StridedRange(first, stride, end), false);
    List<Long> before = new ArrayList<>();
    cursor.emitBatch(before::add);
    StridedRange rest = cursor.remaining();
    assertThat(before.size() + rest.size()).isEqualTo(new StridedRange(first, stride, end).size());
    if (!rest.isEmpty()) {
      assertThat(rest.next()).isEqualTo(before.get(before.size() - 1) + stride);
    }
  }

  @Test
  void eachBatchReportsWhatIsLeftAndAnExhaustedCursorEmitsNothing() {
    // 600 records of 0..1799 at stride 3: batches of 256, 256, 88
    GeneratorCursor<Long> cursor =
        new GeneratorCursor<>(new LongGenerator(), new StridedRange(0, 3, 1_799), false);
    List<Long> emitted = new ArrayList<>();
    assertThat(cursor.emitBatch(emitted::add)).isEqualTo(344);
    assertThat(cursor.emitBatch(emitted::add)).isEqualTo(88);
    assertThat(cursor.emitBatch(emitted::add)).isZero();
    assertThat(cursor.emitBatch(emitted::add)).isZero();
    assertThat(emitted).hasSize(600);
    assertThat(emitted.get(599)).isEqualTo(1_797L);
  }
}
