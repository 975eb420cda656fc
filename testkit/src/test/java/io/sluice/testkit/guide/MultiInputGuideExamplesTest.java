package io.sluice.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.source.util.CollectionSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.BroadcastProcessFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedBroadcastProcessFunction;
import io.sluice.api.functions.KeyedCoProcessFunction;
import io.sluice.api.functions.ProcessJoinFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runnable examples of the user guide's multi-input section: connect, broadcast state and the
 * interval join. Each is written so its output does not depend on how the two inputs interleave.
 */
class MultiInputGuideExamplesTest {

  // ---- connect ----

  public record Order(String product, int quantity) {}

  public record Price(String product, int cents) {}

  /** Prices each order once its product's price is known, whichever of the two came first. */
  public static final class PriceOrders
      extends KeyedCoProcessFunction<String, Order, Price, String> {
    private transient ValueState<Integer> price;
    private transient ListState<Order> waiting;

    @Override
    public void open(RuntimeContext ctx) {
      price = ctx.getState(new ValueStateDescriptor<>("price", Integer.class));
      waiting = ctx.getListState(new ListStateDescriptor<>("waiting", Order.class));
    }

    @Override
    public void processElement1(Order order, Context<String> ctx, Collector<String> out) {
      if (price.value() == null) {
        waiting.add(order);
      } else {
        out.collect(describe(order, price.value()));
      }
    }

    @Override
    public void processElement2(Price update, Context<String> ctx, Collector<String> out) {
      price.update(update.cents());
      for (Order order : waiting.get()) {
        out.collect(describe(order, update.cents()));
      }
      waiting.clear();
    }

    private static String describe(Order order, int cents) {
      return order.product() + " x" + order.quantity() + " = " + order.quantity() * cents;
    }
  }

  @Test
  void connect_keyedCoProcessSharesAKeysStateAcrossBothInputs() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> out = new CollectSink<>();
    DataStream<Order> orders =
        env.fromElements(new Order("apple", 3), new Order("pear", 1), new Order("apple", 2));
    DataStream<Price> prices = env.fromElements(new Price("apple", 50), new Price("pear", 80));

    orders
        .connect(prices)
        .keyBy(Order::product, Price::product)
        .process(new PriceOrders())
        .sinkTo(out);
    env.execute("connect");

    assertThat(out.elements())
        .containsExactlyInAnyOrder("apple x3 = 150", "pear x1 = 80", "apple x2 = 100");
  }

  // ---- broadcast state ----

  public record Payment(String account, long time, int cents) {}

  public record Limit(String account, int cents) {}

  static final MapStateDescriptor<String, Integer> LIMITS =
      new MapStateDescriptor<>("limits", String.class, Integer.class);

  /**
   * Flags payments above their account's limit. A payment is checked when event time reaches it:
   * the limits stream's watermark has then passed it too, so the limits set before it are in.
   */
  public static final class OverLimit
      extends KeyedBroadcastProcessFunction<String, Payment, Limit, String> {
    private transient MapState<Long, Integer> unchecked; // payment time -> cents

    @Override
    public void open(RuntimeContext ctx) {
      unchecked = ctx.getMapState(new MapStateDescriptor<>("unchecked", Long.class, Integer.class));
    }

    @Override
    public void processElement(Payment p, ReadOnlyContext<String> ctx, Collector<String> out)
        throws Exception {
      unchecked.put(p.time(), p.cents());
      ctx.timerService().registerEventTimeTimer(p.time());
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out)
        throws Exception {
      Integer limit = ctx.getBroadcastState(LIMITS).get(ctx.getCurrentKey());
      int cents = unchecked.get(time);
      if (limit != null && cents > limit) {
        out.collect("over limit: " + ctx.getCurrentKey() + " " + cents);
      }
      unchecked.remove(time);
    }

    @Override
    public void processBroadcastElement(
        Limit limit, BroadcastProcessFunction.Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(LIMITS).put(limit.account(), limit.cents());
    }
  }

  @Test
  void broadcastState_limitsReachEverySubtaskOfTheKeyedStream() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> out = new CollectSink<>();
    List<Payment> input =
        List.of(
            new Payment("acc1", 1_000, 50),
            new Payment("acc1", 2_000, 150),
            new Payment("acc2", 3_000, 400),
            new Payment("acc2", 4_000, 600),
            new Payment("acc3", 5_000, 900)); // no limit: never flagged
    DataStream<Payment> payments =
        env.fromSource(
            new CollectionSource<>(input),
            WatermarkStrategy.<Payment>forMonotonousTimestamps()
                .withTimestampAssigner((p, previous) -> p.time()),
            "payments",
            Payment.class);
    // no watermarks until it ends: event time waits for every limit
    DataStream<Limit> limitUpdates =
        env.fromElements(new Limit("acc1", 100), new Limit("acc2", 500));

    payments
        .keyBy(Payment::account)
        .connect(limitUpdates.broadcast(LIMITS))
        .process(new OverLimit())
        .sinkTo(out);
    env.execute("broadcast state");

    assertThat(out.elements())
        .containsExactlyInAnyOrder("over limit: acc1 150", "over limit: acc2 600");
  }

  // ---- interval join ----

  public record Impression(String adId, long time) {}

  public record AdClick(String adId, long time) {}

  /** Says how long after its impression an ad was clicked. */
  public static final class TimeToClick extends ProcessJoinFunction<Impression, AdClick, String> {
    @Override
    public void processElement(Impression i, AdClick c, Context ctx, Collector<String> out) {
      out.collect(i.adId() + " clicked after " + (c.time() - i.time()) + " ms");
    }
  }

  @Test
  void intervalJoin_pairsElementsWithinTheBoundsLikeANestedLoop() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(2);
    CollectSink<String> out = new CollectSink<>();
    List<Impression> impressionList =
        List.of(
            new Impression("ad1", 10_000),
            new Impression("ad2", 20_000),
            new Impression("ad1", 100_000));
    List<AdClick> clickList =
        List.of(
            new AdClick("ad1", 8_000),
            new AdClick("ad1", 60_000),
            new AdClick("ad2", 90_000),
            new AdClick("ad1", 130_000));
    DataStream<Impression> impressions =
        env.fromSource(
            new CollectionSource<>(impressionList),
            WatermarkStrategy.<Impression>forMonotonousTimestamps()
                .withTimestampAssigner((i, previous) -> i.time()),
            "impressions",
            Impression.class);
    DataStream<AdClick> clicks =
        env.fromSource(
            new CollectionSource<>(clickList),
            WatermarkStrategy.<AdClick>forMonotonousTimestamps()
                .withTimestampAssigner((c, previous) -> c.time()),
            "clicks",
            AdClick.class);

    impressions
        .keyBy(Impression::adId)
        .intervalJoin(clicks.keyBy(AdClick::adId))
        .between(Duration.ofSeconds(-5), Duration.ofMinutes(1))
        .process(new TimeToClick())
        .sinkTo(out);
    env.execute("interval join");

    List<String> expected = new ArrayList<>();
    List<Long> expectedTimestamps = new ArrayList<>();
    for (Impression i : impressionList) {
      for (AdClick c : clickList) {
        if (i.adId().equals(c.adId())
            && c.time() >= i.time() - 5_000
            && c.time() <= i.time() + 60_000) {
          expected.add(i.adId() + " clicked after " + (c.time() - i.time()) + " ms");
          expectedTimestamps.add(Math.max(i.time(), c.time()));
        }
      }
    }
    assertThat(out.elements()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(out.timestamps()).containsExactlyInAnyOrderElementsOf(expectedTimestamps);
  }
}
