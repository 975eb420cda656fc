package io.sluice.bench.baseline;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.ChecksumAccumulator;
import io.sluice.bench.common.Engine;
import io.sluice.bench.common.GeneratorCursor;
import io.sluice.bench.common.LongGenerator;
import io.sluice.bench.common.LongWorkloads;
import io.sluice.bench.common.RecordGenerator;
import io.sluice.bench.common.StridedRange;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import io.sluice.bench.common.nexmark.NexmarkQueries;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * No engine at all: the same generator cursor, the same per-record functions and the same checksum
 * sink as both engines' jobs, called in one plain loop on one thread. It measures what every engine
 * pays anyway for input and output, so the runner can tell each engine's own cost per record
 * ({@code 1/engine rate - 1/plain rate}). Only for the dataflows that are a plain chain of
 * stateless functions at parallelism 1, where the loop does exactly the jobs' work minus the
 * engine.
 */
public final class PlainJavaEngine implements Engine {
  /** The benchmarks this engine can run. */
  public static final Set<Benchmark> SUPPORTED =
      EnumSet.of(
          Benchmark.CHAINED_MAP, Benchmark.NEXMARK_Q0, Benchmark.NEXMARK_Q1, Benchmark.NEXMARK_Q2);

  @Override
  public String id() {
    return "java";
  }

  @Override
  public String version() {
    return "plain Java " + Runtime.version().feature();
  }

  @Override
  public void run(Benchmark benchmark, long records, int parallelism) {
    if (!SUPPORTED.contains(benchmark) || parallelism != 1) {
      throw new IllegalArgumentException(
          "the plain Java baseline runs only "
              + SUPPORTED
              + " at parallelism 1, not "
              + benchmark.id()
              + " at "
              + parallelism);
    }
    ChecksumAccumulator sink = new ChecksumAccumulator(benchmark);
    StridedRange all = StridedRange.forSubtask(0, 1, records);
    if (benchmark == Benchmark.CHAINED_MAP) {
      drain(new LongGenerator(), all, chainedMap(sink));
    } else {
      NexmarkGenerator events =
          new NexmarkGenerator(NexmarkConfig.defaults(NexmarkConfig.BENCHMARK_SEED));
      drain(events, all, nexmark(benchmark, sink));
    }
    sink.endOfInput();
  }

  private static <T> void drain(RecordGenerator<T> generator, StridedRange range, Consumer<T> f) {
    GeneratorCursor<T> cursor = new GeneratorCursor<>(generator, range, false);
    while (cursor.emitBatch(f) > 0) {
      // each call emits one batch
    }
  }

  private static Consumer<Long> chainedMap(ChecksumAccumulator sink) {
    return x -> {
      Long scrambled = LongWorkloads.scramble(x);
      if (LongWorkloads.keep(scrambled)) {
        sink.add(LongWorkloads.fold(scrambled));
      }
    };
  }

  private static Consumer<Event> nexmark(Benchmark benchmark, ChecksumAccumulator sink) {
    return switch (benchmark) {
      case NEXMARK_Q0 ->
          event -> {
            if (NexmarkQueries.isBid(event)) {
              sink.add(NexmarkQueries.passThrough(event));
            }
          };
      case NEXMARK_Q1 ->
          event -> {
            if (NexmarkQueries.isBid(event)) {
              sink.add(NexmarkQueries.inEuros(event));
            }
          };
      case NEXMARK_Q2 ->
          event -> {
            if (NexmarkQueries.isBid(event)) {
              Bid bid = NexmarkQueries.passThrough(event);
              if (NexmarkQueries.isSelectedAuction(bid)) {
                sink.add(NexmarkQueries.auctionPrice(bid));
              }
            }
          };
      default -> throw new IllegalArgumentException(benchmark.id());
    };
  }
}
