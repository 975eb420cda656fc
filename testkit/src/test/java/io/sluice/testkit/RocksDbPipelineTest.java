package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.JobStatus;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.shuffle.local.LocalShuffleService;
import io.sluice.spi.state.StateBackend;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.state.rocksdb.RocksDbStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed jobs on the RocksDB backend give what a plain loop over the input gives, and what the same
 * job gives on the heap backend; every subtask's database is gone once the job finished.
 */
class RocksDbPipelineTest {

  record Order(String customer, String item, long quantity, long ts) {}

  /** Per customer: orders seen, and the quantity per item as "item=quantity" in item order. */
  record CustomerSummary(String customer, long orders, String quantities) {}

  record WindowTotal(String customer, long windowStart, long quantity) {}

  /** Counts orders in a ValueState and quantities per item in a MapState; emits at end of input. */
  static final class Summarize extends KeyedProcessFunction<String, Order, CustomerSummary> {
    private transient ValueState<Long> orders;
    private transient MapState<String, Long> quantities;

    @Override
    public void open(RuntimeContext context) {
      orders = context.getState(new ValueStateDescriptor<>("orders", Long.class));
      quantities =
          context.getMapState(new MapStateDescriptor<>("quantities", String.class, Long.class));
    }

    @Override
    public void processElement(Order order, Context<String> ctx, Collector<CustomerSummary> out) {
      Long seen = orders.value();
      orders.update(seen == null ? 1 : seen + 1);
      Long quantity = quantities.get(order.item());
      quantities.put(
          order.item(), quantity == null ? order.quantity() : quantity + order.quantity());
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(
        long timestamp, OnTimerContext<String> ctx, Collector<CustomerSummary> out) {
      Map<String, Long> sorted = new TreeMap<>();
      for (Map.Entry<String, Long> entry : quantities.entries()) {
        sorted.put(entry.getKey(), entry.getValue());
      }
      out.collect(new CustomerSummary(ctx.getCurrentKey(), orders.value(), sorted.toString()));
    }
  }

  @TempDir Path directory;

  private static List<Order> orders() {
    Random random = new Random(11);
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      orders.add(
          new Order(
              "c" + random.nextInt(97),
              "item-" + random.nextInt(13),
              1 + random.nextInt(9),
              i * 2L + random.nextInt(20)));
    }
    return orders;
  }

  private static StreamEnvironment environment(int parallelism, StateBackend backend) {
    return LocalEnvironment.create(parallelism, new LocalShuffleService(), backend);
  }

  private static Set<CustomerSummary> summarize(int parallelism, StateBackend backend)
      throws Exception {
    StreamEnvironment env = environment(parallelism, backend);
    CollectSink<CustomerSummary> sink = new CollectSink<>();
    env.fromCollection(orders(), Order.class)
        .rebalance()
        .keyBy(Order::customer)
        .process(new Summarize())
        .sinkTo(sink);
    assertThat(env.execute("summarize").status()).isEqualTo(JobStatus.FINISHED);
    assertThat(sink.elements()).doesNotHaveDuplicates();
    return new HashSet<>(sink.elements());
  }

  private static Set<WindowTotal> windowTotals(int parallelism, StateBackend backend)
      throws Exception {
    StreamEnvironment env = environment(parallelism, backend);
    CollectSink<WindowTotal> sink = new CollectSink<>();
    WatermarkStrategy<Order> strategy =
        WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofMillis(20))
            .withTimestampAssigner((order, ts) -> order.ts());
    env.fromSource(new CollectionSource<>(orders()), strategy, "orders", Order.class)
        .map(order -> new WindowTotal(order.customer(), 0, order.quantity()))
        .keyBy(WindowTotal::customer)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
        .reduce((a, b) -> new WindowTotal(a.customer(), 0, a.quantity() + b.quantity()))
        .sinkTo(sink);
    assertThat(env.execute("window-totals").status()).isEqualTo(JobStatus.FINISHED);
    List<WindowTotal> totals = sink.elements();
    List<Long> timestamps = sink.timestamps();
    Set<WindowTotal> withWindows = new HashSet<>();
    for (int i = 0; i < totals.size(); i++) {
      // a window's result carries the window's last timestamp, end - 1
      long start = timestamps.get(i) + 1 - 1000;
      withWindows.add(new WindowTotal(totals.get(i).customer(), start, totals.get(i).quantity()));
    }
    assertThat(withWindows).hasSameSizeAs(totals);
    return withWindows;
  }

  private void assertNoDatabaseLeft() throws Exception {
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void valueAndMapStateOnRocksDbMatchALoopAndTheHeapBackend(int parallelism) throws Exception {
    Map<String, Long> orderCounts = new HashMap<>();
    Map<String, Map<String, Long>> quantities = new HashMap<>();
    for (Order order : orders()) {
      orderCounts.merge(order.customer(), 1L, Long::sum);
      quantities
          .computeIfAbsent(order.customer(), c -> new TreeMap<>())
          .merge(order.item(), order.quantity(), Long::sum);
    }
    Set<CustomerSummary> expected = new HashSet<>();
    orderCounts.forEach(
        (customer, count) ->
            expected.add(
                new CustomerSummary(customer, count, quantities.get(customer).toString())));

    Set<CustomerSummary> onRocksDb;
    try (RocksDbStateBackend rocksDb = new RocksDbStateBackend(directory, 16)) {
      onRocksDb = summarize(parallelism, rocksDb);
    }

    assertThat(onRocksDb).isEqualTo(expected);
    assertThat(onRocksDb).isEqualTo(summarize(parallelism, new HeapStateBackend()));
    assertNoDatabaseLeft();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void tumblingWindowsOnRocksDbMatchALoopAndTheHeapBackend(int parallelism) throws Exception {
    Map<List<Object>, Long> sums = new HashMap<>();
    for (Order order : orders()) {
      sums.merge(
          List.of(order.customer(), Math.floorDiv(order.ts(), 1000) * 1000),
          order.quantity(),
          Long::sum);
    }
    Set<WindowTotal> expected = new HashSet<>();
    sums.forEach(
        (window, sum) ->
            expected.add(new WindowTotal((String) window.get(0), (Long) window.get(1), sum)));

    Set<WindowTotal> onRocksDb;
    try (RocksDbStateBackend rocksDb = new RocksDbStateBackend(directory, 16)) {
      onRocksDb = windowTotals(parallelism, rocksDb);
    }

    assertThat(onRocksDb).isEqualTo(expected);
    assertThat(onRocksDb).isEqualTo(windowTotals(parallelism, new HeapStateBackend()));
    assertNoDatabaseLeft();
  }
}
