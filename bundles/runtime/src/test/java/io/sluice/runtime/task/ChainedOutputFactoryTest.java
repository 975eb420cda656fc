package io.sluice.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.StreamFilter;
import io.sluice.api.operators.StreamMap;
import io.sluice.api.operators.StreamOperator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainedOutputFactoryTest {
  private static final TaskInfo TASK = new TaskInfo("job", "task", 0, 1, 128, null);

  static final class Double implements MapFunction<Integer, Integer> {
    @Override
    public Integer map(Integer value) {
      return value * 2;
    }
  }

  static final class Increment implements MapFunction<Integer, Integer> {
    @Override
    public Integer map(Integer value) {
      return value + 1;
    }
  }

  static final class Even implements FilterFunction<Integer> {
    @Override
    public boolean filter(Integer value) {
      return value % 2 == 0;
    }
  }

  private static <T> OperatorHandle<T, T> handle(StreamOperator<T> operator) {
    return new OperatorHandle<>("op", TASK, operator, null, null, null, new Mailbox());
  }

  @Test
  void edgesIntoTheSameFunctionClassShareOneCopyAcrossChainsAndJobs() {
    Output<Integer> first = ChainedOutputFactory.create(handle(new StreamMap<>(new Double())));
    Output<Integer> second = ChainedOutputFactory.create(handle(new StreamMap<>(new Double())));
    assertThat(second.getClass()).isSameAs(first.getClass());
  }

  @Test
  void edgesIntoOtherFunctionsOrOperatorsGetCopiesOfTheirOwn() {
    Output<Integer> doubling = ChainedOutputFactory.create(handle(new StreamMap<>(new Double())));
    Output<Integer> incrementing =
        ChainedOutputFactory.create(handle(new StreamMap<>(new Increment())));
    Output<Integer> filtering = ChainedOutputFactory.create(handle(new StreamFilter<>(new Even())));
    assertThat(incrementing.getClass()).isNotSameAs(doubling.getClass());
    assertThat(filtering.getClass()).isNotSameAs(doubling.getClass());
    assertThat(doubling.getClass().isHidden()).isTrue();
  }

  @Test
  void aSharedCopyStillHandsEachElementToItsOwnNextOperator() throws Exception {
    List<Integer> seenByFirst = new ArrayList<>();
    List<Integer> seenBySecond = new ArrayList<>();
    OperatorHandle<Integer, Integer> firstNext = handle(new StreamMap<>(new Double()));
    OperatorHandle<Integer, Integer> secondNext = handle(new StreamMap<>(new Double()));
    firstNext.setup(collecting(seenByFirst));
    secondNext.setup(collecting(seenBySecond));
    ChainedOutputFactory.<Integer>create(firstNext).collect(1, 0);
    ChainedOutputFactory.<Integer>create(secondNext).collect(5, 0);
    assertThat(seenByFirst).containsExactly(2);
    assertThat(seenBySecond).containsExactly(10);
  }

  private static Output<Integer> collecting(List<Integer> into) {
    return new Output<>() {
      @Override
      public void collect(Integer value, long timestamp) {
        into.add(value);
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

      @Override
      public void emitWatermark(long watermark) {}
    };
  }
}
