package io.sluice.bench.micro;

import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.Event;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import java.util.stream.LongStream;

/** The bid the serializer benchmarks round-trip: a typical one from the NEXMark generator. */
final class SampleBid {
  private SampleBid() {}

  /** The first bid of the benchmark stream (seed 42), about 100 bytes like the average bid. */
  static Bid first() {
    NexmarkGenerator generator =
        new NexmarkGenerator(NexmarkConfig.defaults(NexmarkConfig.BENCHMARK_SEED));
    return LongStream.iterate(0, n -> n + 1)
        .mapToObj(generator::generate)
        .map(Event::bid)
        .filter(bid -> bid != null)
        .findFirst()
        .orElseThrow();
  }
}
