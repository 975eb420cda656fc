package io.sluice.bench;

import io.sluice.bench.common.Benchmark;
import io.sluice.bench.common.LongWorkloads;
import io.sluice.bench.common.hotpath.Trade;
import io.sluice.bench.common.hotpath.WindowSum;
import io.sluice.bench.common.nexmark.AuctionPrice;
import io.sluice.bench.common.nexmark.Bid;
import io.sluice.bench.common.nexmark.NexmarkConfig;
import io.sluice.bench.common.nexmark.NexmarkGenerator;
import io.sluice.bench.common.nexmark.NexmarkReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each benchmark must output, computed in plain Java straight from the generators (no engine),
 * for the equivalence tests of both sizes.
 */
final class ExpectedOutputs {
  private ExpectedOutputs() {}

  /**
   * The benchmark's output over the first {@code records} generated records, in generator order.
   */
  static List<Object> of(Benchmark benchmark, long records) {
    NexmarkGenerator nexmark =
        new NexmarkGenerator(NexmarkConfig.defaults(NexmarkConfig.BENCHMARK_SEED));
    switch (benchmark) {
      case WINDOW_AGGREGATE -> {
        return windowSums(records);
      }
      case NEXMARK_Q3 -> {
        return new NexmarkReference(nexmark, records).q3();
      }
      case NEXMARK_Q4 -> {
        return new NexmarkReference(nexmark, records).q4();
      }
      case NEXMARK_Q5 -> {
        return new NexmarkReference(nexmark, records).q5();
      }
      case NEXMARK_Q7 -> {
        return new NexmarkReference(nexmark, records).q7();
      }
      case NEXMARK_Q8 -> {
        return new NexmarkReference(nexmark, records).q8();
      }
      case NEXMARK_Q11 -> {
        return new NexmarkReference(nexmark, records).q11();
      }
      default -> {
        // the record-at-a-time workloads below
      }
    }
    List<Object> out = new ArrayList<>();
    Map<Long, Long> sums = new HashMap<>();
    for (long i = 0; i < records; i++) {
      switch (benchmark) {
        case CHAINED_MAP -> {
          long v = i * 31 + 17;
          if (v % 4 != 0) {
            out.add(v ^ (v >>> 7));
          }
        }
        case KEYBY_REDUCE -> out.add(sums.merge(i % LongWorkloads.KEYS, i, Long::sum));
        case REBALANCE -> out.add(i * 3 + 1);
        case STATE_HEAP, STATE_ROCKSDB -> out.add(sums.merge(i % 100_000, i, Long::sum));
        case POJO_SHUFFLE -> out.add(Trade.of(i).fold());
        default -> {
          Bid bid = nexmark.generate(i).bid();
          if (bid == null) {
            continue;
          }
          if (benchmark == Benchmark.NEXMARK_Q0) {
            out.add(bid);
          } else if (benchmark == Benchmark.NEXMARK_Q1) {
            out.add(bid.withPrice(Math.round(bid.price() * 0.908)));
          } else if (bid.auction() % 123 == 0) {
            out.add(new AuctionPrice(bid.auction(), bid.price()));
          }
        }
      }
    }
    return out;
  }

  /**
   * window-aggregate: record {@code i} has key {@code i % 10,000} and event time {@code i / 100}
   * ms, so it belongs to the 1 s window that ends at the next full second; one count and sum per
   * key and window.
   */
  private static List<Object> windowSums(long records) {
    Map<List<Long>, long[]> windows = new HashMap<>();
    for (long i = 0; i < records; i++) {
      long millis = i / 100;
      long end = millis - millis % 1_000 + 1_000;
      long[] countSum = windows.computeIfAbsent(List.of(i % 10_000, end), k -> new long[2]);
      countSum[0]++;
      countSum[1] += i;
    }
    List<Object> out = new ArrayList<>();
    windows.forEach(
        (keyEnd, countSum) ->
            out.add(new WindowSum(keyEnd.get(0), keyEnd.get(1), countSum[0], countSum[1])));
    return out;
  }

  /** The multiset of {@code values}: each distinct value with how often it occurs. */
  static Map<Object, Integer> counts(List<?> values) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Object v : values) {
      counts.merge(v, 1, Integer::sum);
    }
    return counts;
  }
}
