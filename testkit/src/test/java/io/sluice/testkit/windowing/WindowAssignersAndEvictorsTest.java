package io.sluice.testkit.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.api.windowing.assigners.WindowAssigner.WindowAssignerContext;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.evictors.Evictor.EvictorContext;
import io.sluice.api.windowing.evictors.TimeEvictor;
import io.sluice.api.windowing.evictors.TimestampedValue;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersAndEvictorsTest {
  private static final WindowAssignerContext CLOCK_AT_1234 = () -> 1234;
  private static final EvictorContext NO_TIME =
      new EvictorContext() {
        @Override
        public long getCurrentProcessingTime() {
          return 0;
        }

        @Override
        public long getCurrentWatermark() {
          return Long.MIN_VALUE;
        }
      };

  @Test
  void timeWindowIsHalfOpenAndEndsAtMaxTimestamp() {
    TimeWindow window = new TimeWindow(10, 20);
    assertThat(window.maxTimestamp()).isEqualTo(19);
    assertThat(window.intersects(new TimeWindow(20, 30))).isTrue(); // touching merges sessions
    assertThat(window.intersects(new TimeWindow(21, 30))).isFalse();
    assertThat(window.cover(new TimeWindow(5, 12))).isEqualTo(new TimeWindow(5, 20));
    assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void tumblingWindowsAreAlignedToTheEpochPlusOffsetAlsoForNegativeTimestamps() {
    TumblingEventTimeWindows plain = TumblingEventTimeWindows.of(Duration.ofMillis(10));
    assertThat(plain.assignWindows("x", 0, CLOCK_AT_1234)).containsExactly(new TimeWindow(0, 10));
    assertThat(plain.assignWindows("x", 19, CLOCK_AT_1234)).containsExactly(new TimeWindow(10, 20));
    assertThat(plain.assignWindows("x", -1, CLOCK_AT_1234)).containsExactly(new TimeWindow(-10, 0));
    TumblingEventTimeWindows shifted =
        TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3));
    assertThat(shifted.assignWindows("x", 2, CLOCK_AT_1234)).containsExactly(new TimeWindow(-7, 3));
    assertThat(shifted.assignWindows("x", 3, CLOCK_AT_1234)).containsExactly(new TimeWindow(3, 13));
  }

  @Test
  void slidingWindowsGiveEveryWindowThatContainsTheTimestamp() {
    SlidingEventTimeWindows sliding =
        SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(4));
    assertThat(sliding.assignWindows("x", 5, CLOCK_AT_1234))
        .containsExactlyInAnyOrder(
            new TimeWindow(4, 14), new TimeWindow(0, 10), new TimeWindow(-4, 6));
  }

  @Test
  void processingTimeAssignersUseTheClockNotTheTimestamp() {
    assertThat(
            TumblingProcessingTimeWindows.of(Duration.ofMillis(100))
                .assignWindows("x", 5, CLOCK_AT_1234))
        .containsExactly(new TimeWindow(1200, 1300));
  }

  @Test
  void eventTimeAssignersRejectElementsWithoutTimestamp() {
    assertThatThrownBy(
            () ->
                EventTimeSessionWindows.withGap(Duration.ofMillis(5))
                    .assignWindows("x", Long.MIN_VALUE, CLOCK_AT_1234))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WatermarkStrategy");
  }

  @Test
  void offsetsAndSizesAreCheckedWhenTheAssignerIsBuilt() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
  }

  @Test
  void mergeWindowsReportsOnlyGroupsOfOverlappingWindows() {
    List<String> merges = new ArrayList<>();
    TimeWindow.mergeWindows(
        List.of(
            new TimeWindow(30, 40),
            new TimeWindow(0, 10),
            new TimeWindow(50, 60),
            new TimeWindow(5, 15),
            new TimeWindow(15, 20)),
        (group, cover) -> merges.add(group + " -> " + cover));
    assertThat(merges)
        .containsExactly(
            "[TimeWindow[start=0, end=10], TimeWindow[start=5, end=15], TimeWindow[start=15,"
                + " end=20]] -> TimeWindow[start=0, end=20]");
  }

  private static List<TimestampedValue<Object>> values(long... timestamps) {
    List<TimestampedValue<Object>> list = new ArrayList<>();
    for (long ts : timestamps) {
      list.add(new TimestampedValue<>("v" + ts, ts));
    }
    return list;
  }

  private static List<Long> timestamps(List<TimestampedValue<Object>> list) {
    return list.stream().map(TimestampedValue::timestamp).toList();
  }

  @Test
  void countEvictorKeepsTheLastElementsBeforeOrAfterTheFunction() {
    List<TimestampedValue<Object>> before = values(1, 2, 3, 4, 5);
    CountEvictor.of(2).evictBefore(before, before.size(), GlobalWindow.get(), NO_TIME);
    assertThat(timestamps(before)).containsExactly(4L, 5L);

    List<TimestampedValue<Object>> after = values(1, 2, 3);
    CountEvictor evictAfter = CountEvictor.of(1, true);
    evictAfter.evictBefore(after, after.size(), GlobalWindow.get(), NO_TIME);
    assertThat(after).hasSize(3);
    evictAfter.evictAfter(after, after.size(), GlobalWindow.get(), NO_TIME);
    assertThat(timestamps(after)).containsExactly(3L);
  }

  @Test
  void timeEvictorKeepsTheElementsOfTheLastPeriodBeforeTheNewest() {
    List<TimestampedValue<Object>> list = values(10, 3, 25, 15, 16);
    TimeEvictor.of(Duration.ofMillis(10))
        .evictBefore(list, list.size(), GlobalWindow.get(), NO_TIME);
    // newest 25: elements at or before 15 go
    assertThat(timestamps(list)).containsExactly(25L, 16L);

    List<TimestampedValue<Object>> untimed = values(Long.MIN_VALUE, 3);
    TimeEvictor.of(Duration.ofMillis(1)).evictBefore(untimed, 2, GlobalWindow.get(), NO_TIME);
    assertThat(untimed).hasSize(2);
  }
}
