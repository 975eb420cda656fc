package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.JobResult;
import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reducing and aggregating keyed state in a real job on the local runtime and heap backend. */
class KeyedStateKindsTest {
  /**
   * Readings below this are dropped before keyBy, so the keyed operator reads from a parallel map.
   */
  static final long MIN_PLAUSIBLE = -250;

  record Reading(String sensor, long value) {}

  record Summary(String sensor, long sum, double average, long max) {}

  /** The accumulator of {@link Average}: immutable, so every add returns a new one. */
  record SumCount(long sum, long count) {}

  static final class Average implements AggregateFunction<Long, SumCount, Double> {
    @Override
    public SumCount createAccumulator() {
      return new SumCount(0, 0);
    }

    @Override
    public SumCount add(Long value, SumCount accumulator) {
      return new SumCount(accumulator.sum() + value, accumulator.count() + 1);
    }

    @Override
    public Double getResult(SumCount accumulator) {
      return (double) accumulator.sum() / accumulator.count();
    }

    @Override
    public SumCount merge(SumCount a, SumCount b) {
      return new SumCount(a.sum() + b.sum(), a.count() + b.count());
    }
  }

  /** Keeps sum, max and average per sensor in state and emits them when the input ends. */
  static final class Summarize extends KeyedProcessFunction<String, Reading, Summary> {
    private transient ReducingState<Long> sum;
    private transient ReducingState<Long> max;
    private transient AggregatingState<Long, Double> average;

    @Override
    public void open(RuntimeContext context) {
      sum = context.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
      max = context.getReducingState(new ReducingStateDescriptor<>("max", Math::max, Long.class));
      average =
          context.getAggregatingState(
              new AggregatingStateDescriptor<>("average", new Average(), SumCount.class));
    }

    @Override
    public void processElement(Reading reading, Context<String> ctx, Collector<Summary> out) {
      sum.add(reading.value());
      max.add(reading.value());
      average.add(reading.value());
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Summary> out) {
      out.collect(new Summary(ctx.getCurrentKey(), sum.get(), average.get(), max.get()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void perKeySumMaxAndAverageFromStateMatchALoopOverTheInput(int parallelism) throws Exception {
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      readings.add(new Reading("s" + (i * 7 % 41), (i * 31L) % 1009 - 300));
    }
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    CollectSink<Summary> sink = new CollectSink<>();
    env.fromCollection(readings, Reading.class)
        .rebalance()
        .filter(reading -> reading.value() >= MIN_PLAUSIBLE)
        .keyBy(Reading::sensor)
        .process(new Summarize())
        .sinkTo(sink);

    JobResult result = env.execute("sum-max-average");

    Map<String, Long> sums = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> maxima = new HashMap<>();
    for (Reading reading : readings) {
      if (reading.value() < MIN_PLAUSIBLE) {
        continue;
      }
      sums.merge(reading.sensor(), reading.value(), Long::sum);
      counts.merge(reading.sensor(), 1L, Long::sum);
      maxima.merge(reading.sensor(), reading.value(), Math::max);
    }
    Map<String, Summary> expected = new HashMap<>();
    for (String sensor : sums.keySet()) {
      long sum = sums.get(sensor);
      expected.put(
          sensor, new Summary(sensor, sum, (double) sum / counts.get(sensor), maxima.get(sensor)));
    }
    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(sink.elements()).hasSize(expected.size());
    assertThat(sink.elements().stream().collect(Collectors.toMap(Summary::sensor, s -> s)))
        .isEqualTo(expected);
  }
}
