package io.sluice.bench.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The workloads both engines run, by the name the runner and the command line use. Each engine
 * builds the same dataflow from the functions in {@link LongWorkloads} and {@link
 * io.sluice.bench.common.nexmark.NexmarkQueries}, so both do the same work per record.
 */
public enum Benchmark {
  /** generator → map → filter → map → sink, all chained into one task. */
  CHAINED_MAP("chained-map", "generator -> map -> filter -> map -> sink (chained)", false),
  /** generator → keyBy(record % 10,000) → rolling sum → sink. */
  KEYBY_REDUCE("keyby-reduce", "generator -> keyBy(x % 10000) -> rolling sum -> sink", false),
  /** generator at parallelism 1 → rebalance → map at parallelism p → sink. */
  REBALANCE("rebalance", "generator (p=1) -> rebalance -> map (p) -> sink", false),
  /** generator with event time → keyBy(x % 10,000) → tumbling 1 s windows → count and sum. */
  WINDOW_AGGREGATE(
      "window-aggregate",
      "generator (event time) -> keyBy(x % 10000) -> tumbling 1 s event-time windows"
          + " -> aggregate (count, sum)",
      false),
  /** generator → keyBy(x % 100,000) → running sum in {@code ValueState<Long>} on the heap. */
  STATE_HEAP(
      "state-heap",
      "generator -> keyBy(x % 100000) -> keyed process: running sum in ValueState (heap)",
      false),
  /** The same as {@link #STATE_HEAP} on the RocksDB backend. */
  STATE_ROCKSDB(
      "state-rocksdb",
      "generator -> keyBy(x % 100000) -> keyed process: running sum in ValueState (RocksDB)",
      false),
  /** generator → an eight-field record → rebalance → fold to a long (p) → sink. */
  POJO_SHUFFLE(
      "pojo-shuffle",
      "generator -> map to an 8-field record -> rebalance -> fold to a long (p) -> sink",
      false),
  /** NEXMark q0: the bids, passed through. */
  NEXMARK_Q0("nexmark-q0", "NEXMark q0: pass-through of bids", true),
  /** NEXMark q1: bid prices converted from dollars to euros. */
  NEXMARK_Q1("nexmark-q1", "NEXMark q1: bid price * 0.908 (currency conversion)", true),
  /** NEXMark q2: (auction, price) of the bids on auctions whose id is a multiple of 123. */
  NEXMARK_Q2("nexmark-q2", "NEXMark q2: bids with auction % 123 == 0, (auction, price)", true),
  /** NEXMark q3: sellers from OR/ID/CA joined with their category-10 auctions (keyed state). */
  NEXMARK_Q3(
      "nexmark-q3",
      "NEXMark q3: persons (OR/ID/CA) join auctions (category 10) on seller, keyed state",
      true),
  /** NEXMark q4: the running average winning price per category (keyed state and timers). */
  NEXMARK_Q4(
      "nexmark-q4",
      "NEXMark q4: winning bid per auction (timers at expiry), running average per category",
      true),
  /** NEXMark q5: the auctions with the most bids per sliding window (10 s every 2 s). */
  NEXMARK_Q5(
      "nexmark-q5",
      "NEXMark q5: bids per auction in sliding 10 s / 2 s windows, the top ones",
      true),
  /** NEXMark q7: the highest bid per 10 s tumbling window. */
  NEXMARK_Q7("nexmark-q7", "NEXMark q7: highest bid per 10 s tumbling window (windowAll)", true),
  /** NEXMark q8: persons who opened an auction in the 10 s window they registered in. */
  NEXMARK_Q8(
      "nexmark-q8",
      "NEXMark q8: persons coGroup auctions in 10 s tumbling windows on seller",
      true),
  /** NEXMark q11: bids per bidder session (10 s gap). */
  NEXMARK_Q11("nexmark-q11", "NEXMark q11: bids per bidder session window (10 s gap)", true);

  private final String id;
  private final String description;
  private final boolean nexmark;

  Benchmark(String id, String description, boolean nexmark) {
    this.id = id;
    this.description = description;
    this.nexmark = nexmark;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Whether the input is the NEXMark event stream (else generated longs). */
  public boolean nexmark() {
    return nexmark;
  }

  /** The keyed state backend the job runs on. */
  public StateBackendKind stateBackend() {
    return this == STATE_ROCKSDB ? StateBackendKind.ROCKSDB : StateBackendKind.HEAP;
  }

  /**
   * Whether the sink measures latency: only where a record crosses a network buffer and the output
   * still names the generator index it came from.
   */
  public boolean tracksLatency() {
    return this == REBALANCE;
  }

  /** The generator index an output of this benchmark came from; only if {@link #tracksLatency}. */
  public long originIndex(Object output) {
    if (this != REBALANCE) {
      throw new IllegalStateException(id + " does not trace outputs back to their input");
    }
    return LongWorkloads.rebalanceOrigin((Long) output);
  }

  public static Benchmark byId(String id) {
    for (Benchmark b : values()) {
      if (b.id.equals(id)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "Unknown benchmark '"
            + id
            + "'; known: "
            + Arrays.stream(values()).map(Benchmark::id).collect(Collectors.joining(", ")));
  }
}
