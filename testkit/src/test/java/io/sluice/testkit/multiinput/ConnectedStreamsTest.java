package io.sluice.testkit.multiinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.CoFlatMapFunction;
import io.sluice.api.functions.CoMapFunction;
import io.sluice.api.functions.CoProcessFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectedStreamsTest {

  record Order(String id, long amount, long time) {}

  record Payment(String orderId, long paid, long time) {}

  /** What the keyed join knows about one order id at the end of input. */
  record Summary(String id, long ordered, long paid, int orders, int payments) {
    Summary plusOrder(long amount) {
      return new Summary(id, ordered + amount, paid, orders + 1, payments);
    }

    Summary plusPayment(long amount) {
      return new Summary(id, ordered, paid + amount, orders, payments + 1);
    }
  }

  record Stamped<T>(T value, Long timestamp) {}

  static final class Describe implements CoMapFunction<Integer, String, String> {
    @Override
    public String map1(Integer value) {
      return "int:" + value;
    }

    @Override
    public String map2(String value) {
      return "str:" + value;
    }
  }

  /** Repeats a number as often as it says; splits a sentence into words. */
  static final class RepeatOrSplit implements CoFlatMapFunction<Integer, String, String> {
    @Override
    public void flatMap1(Integer value, Collector<String> out) {
      for (int i = 0; i < value; i++) {
        out.collect("n" + value);
      }
    }

    @Override
    public void flatMap2(String value, Collector<String> out) {
      for (String word : value.split(" ")) {
        out.collect(word);
      }
    }
  }

  /** Negative numbers go to a side output; everything else to the main output. */
  static final class RouteNegatives extends CoProcessFunction<Integer, String, String> {
    static final OutputTag<Integer> NEGATIVE = new OutputTag<>("negative", Integer.class);

    @Override
    public void processElement1(Integer value, Context ctx, Collector<String> out) {
      if (value < 0) {
        ctx.output(NEGATIVE, value);
      } else {
        out.collect("int:" + value + "@" + ctx.timestamp());
      }
    }

    @Override
    public void processElement2(String value, Context ctx, Collector<String> out) {
      out.collect("str:" + value + "@" + ctx.timestamp());
    }
  }

  /**
   * Adds orders and payments of an id into one state both inputs share, and reports it once, when
   * the end-of-input timer that both inputs register fires.
   */
  static final class SummarizeOrder
      extends KeyedCoProcessFunction<String, Order, Payment, Summary> {
    private transient ValueState<Summary> summary;

    @Override
    public void open(RuntimeContext context) {
      summary = context.getState(new ValueStateDescriptor<>("summary", Summary.class));
    }

    @Override
    public void processElement1(Order order, Context<String> ctx, Collector<Summary> out) {
      summary.update(current(ctx).plusOrder(order.amount()));
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processElement2(Payment payment, Context<String> ctx, Collector<Summary> out) {
      summary.update(current(ctx).plusPayment(payment.paid()));
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    private Summary current(Context<String> ctx) {
      Summary s = summary.value();
      return s == null ? new Summary(ctx.getCurrentKey(), 0, 0, 0, 0) : s;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Summary> out) {
      out.collect(summary.value());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void coMapTurnsBothSourcesIntoOneStream(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Integer> numbers = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      numbers.add(i);
      words.add("w" + (i % 17));
    }
    CollectSink<String> sink = new CollectSink<>();
    env.fromCollection(numbers, Integer.class)
        .connect(env.fromCollection(words, String.class))
        .map(new Describe())
        .sinkTo(sink);
    env.execute("co-map");

    List<String> expected = new ArrayList<>();
    numbers.forEach(n -> expected.add("int:" + n));
    words.forEach(w -> expected.add("str:" + w));
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void coFlatMapEmitsWhatEachInputsMethodEmits(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Integer> numbers = List.of(0, 1, 2, 3, 5, 8);
    List<String> sentences = List.of("a b", "c", "d e f", "a a");
    CollectSink<String> sink = new CollectSink<>();
    env.fromCollection(numbers, Integer.class)
        .rebalance()
        .connect(env.fromCollection(sentences, String.class))
        .flatMap(new RepeatOrSplit())
        .sinkTo(sink);
    env.execute("co-flat-map");

    List<String> expected = new ArrayList<>();
    for (int n : numbers) {
      for (int i = 0; i < n; i++) {
        expected.add("n" + n);
      }
    }
    for (String sentence : sentences) {
      expected.addAll(List.of(sentence.split(" ")));
    }
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void coProcessSeesTimestampsAndWritesSideOutputs() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    List<Integer> numbers = List.of(4, -1, 7, -3, 0);
    List<String> words = List.of("x", "y");
    DataStream<Integer> first =
        EventTimeSources.boundedOutOfOrder(
            env, "numbers", numbers, Integer.class, (n, ts) -> 100L + n, 0, 1);
    DataStream<String> second =
        EventTimeSources.boundedOutOfOrder(
            env, "words", words, String.class, (w, ts) -> 1000L + w.charAt(0), 0, 1);
    CollectSink<String> main = new CollectSink<>();
    CollectSink<Integer> negatives = new CollectSink<>();
    DataStream<String> routed = first.connect(second).process(new RouteNegatives());
    routed.sinkTo(main);
    routed.getSideOutput(RouteNegatives.NEGATIVE).sinkTo(negatives);
    env.execute("co-process");

    List<Stamped<String>> expectedMain = new ArrayList<>();
    List<Stamped<Integer>> expectedNegatives = new ArrayList<>();
    for (int n : numbers) {
      long ts = 100L + n;
      if (n < 0) {
        expectedNegatives.add(new Stamped<>(n, ts));
      } else {
        expectedMain.add(new Stamped<>("int:" + n + "@" + ts, ts));
      }
    }
    for (String w : words) {
      long ts = 1000L + w.charAt(0);
      expectedMain.add(new Stamped<>("str:" + w + "@" + ts, ts));
    }
    assertThat(stamped(main)).containsExactlyInAnyOrderElementsOf(expectedMain);
    assertThat(stamped(negatives)).containsExactlyInAnyOrderElementsOf(expectedNegatives);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void keyedCoProcessSharesStateOfAKeyAcrossInputsAndFiresItsTimerAtEndOfInput(int parallelism)
      throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Order> orders = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      orders.add(new Order("o" + (i % 23), i, i));
      if (i % 3 != 0) {
        payments.add(new Payment("o" + (i % 29), 2L * i, i));
      }
    }
    CollectSink<Summary> sink = new CollectSink<>();
    env.fromCollection(orders, Order.class)
        .connect(env.fromCollection(payments, Payment.class))
        .keyBy(Order::id, Payment::orderId)
        .process(new SummarizeOrder())
        .sinkTo(sink);
    env.execute("keyed-co-process");

    Map<String, long[]> totals = new TreeMap<>(); // ordered, paid, #orders, #payments
    for (Order o : orders) {
      long[] t = totals.computeIfAbsent(o.id(), id -> new long[4]);
      t[0] += o.amount();
      t[2]++;
    }
    for (Payment p : payments) {
      long[] t = totals.computeIfAbsent(p.orderId(), id -> new long[4]);
      t[1] += p.paid();
      t[3]++;
    }
    List<Summary> expected = new ArrayList<>();
    totals.forEach((id, t) -> expected.add(new Summary(id, t[0], t[1], (int) t[2], (int) t[3])));
    // One summary per key: the timer both inputs registered for the key fires once.
    assertThat(sink.elements()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(sink.timestamps()).containsOnly(Long.MAX_VALUE);
  }

  @Test
  void keyedCoProcessFunctionNeedsKeyedInputs() {
    StreamEnvironment env = LocalEnvironment.create(1);
    var connected = env.fromElements(new Order("a", 1, 1)).connect(env.fromElements("b"));
    assertThatThrownBy(
            () ->
                connected.process(
                    new KeyedCoProcessFunction<String, Order, String, String>() {
                      @Override
                      public void processElement1(
                          Order value, Context<String> ctx, Collector<String> out) {}

                      @Override
                      public void processElement2(
                          String value, Context<String> ctx, Collector<String> out) {}
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyBy(key1, key2)");
  }

  private static <T> List<Stamped<T>> stamped(CollectSink<T> sink) {
    List<T> elements = sink.elements();
    List<Long> timestamps = sink.timestamps();
    List<Stamped<T>> result = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      result.add(new Stamped<>(elements.get(i), timestamps.get(i)));
    }
    return result;
  }
}
