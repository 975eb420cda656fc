package io.sluice.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.operators.AbstractStreamOperator;
import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.operators.TwoInputStreamOperator;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.Test;

class TwoInputOperatorHarnessTest {
  record Order(String product, int quantity) {}

  record Price(String product, int cents) {}

  /**
   * Prices orders with the latest price of their product. An order whose price is unknown waits
   * until the watermark passes its timestamp, then is reported "unpriced".
   */
  static final class PriceOrders extends AbstractStreamOperator<String>
      implements TwoInputStreamOperator<Order, Price, String>, Triggerable<String> {
    private transient ValueState<Integer> price;
    private transient ValueState<Order> waiting;
    private transient InternalTimerService<String> timers;

    @Override
    public void open() {
      price =
          context.getRuntimeContext().getState(new ValueStateDescriptor<>("price", Integer.class));
      waiting =
          context.getRuntimeContext().getState(new ValueStateDescriptor<>("waiting", Order.class));
      timers = context.getTimerService(this);
    }

    @Override
    public void processElement1(Order order, long timestamp) {
      if (price.value() != null) {
        output.collect(
            order.product() + " x" + order.quantity() + " = " + order.quantity() * price.value(),
            timestamp);
      } else {
        waiting.update(order);
        timers.registerEventTimeTimer(timestamp);
      }
    }

    @Override
    public void processElement2(Price update, long timestamp) {
      price.update(update.cents());
      Order order = waiting.value();
      if (order != null) {
        waiting.clear();
        timers.deleteEventTimeTimer(timestamp);
        processElement1(order, timestamp);
      }
    }

    @Override
    public void onEventTime(String product, long timestamp) {
      Order order = waiting.value();
      waiting.clear();
      output.collect(product + " x" + order.quantity() + " unpriced", timestamp);
    }

    @Override
    public void onProcessingTime(String product, long timestamp) {}
  }

  private static KeyedTwoInputOperatorHarness<String, Order, Price, String> harness()
      throws Exception {
    var harness =
        new KeyedTwoInputOperatorHarness<>(
            new PriceOrders(), Order::product, Price::product, String.class);
    harness.open();
    return harness;
  }

  @Test
  void bothInputsShareTheStateOfTheirKey() throws Exception {
    try (var harness = harness()) {
      harness.processElement2(new Price("apple", 30), 1);
      harness.processElement2(new Price("pear", 50), 2);
      harness.processElement1(new Order("apple", 2), 3);
      harness.processElement1(new Order("pear", 1), 4);
      harness.processElement2(new Price("apple", 40), 5);
      harness.processElement1(new Order("apple", 3), 6);

      assertThat(harness.getOutput())
          .containsExactly(
              new StreamRecord<>("apple x2 = 60", 3),
              new StreamRecord<>("pear x1 = 50", 4),
              new StreamRecord<>("apple x3 = 120", 6));
    }
  }

  @Test
  void theOperatorSeesTheMinimumOfBothInputsWatermarks() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(new Order("plum", 4), 10);

      harness.processWatermark1(100); // input 2 is still at Long.MIN_VALUE
      assertThat(harness.getOutput()).isEmpty();
      assertThat(harness.getCurrentWatermark()).isEqualTo(Long.MIN_VALUE);

      harness.processWatermark2(9);
      harness.processWatermark2(50);

      assertThat(harness.getOutput())
          .containsExactly(
              new Watermark(9), new StreamRecord<>("plum x4 unpriced", 10), new Watermark(50));
    }
  }

  @Test
  void aTimerDeletedByTheOtherInputDoesNotFire() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(new Order("fig", 1), 10);
      assertThat(harness.numEventTimeTimers()).isEqualTo(1);
      harness.processElement2(new Price("fig", 70), 10);
      assertThat(harness.numEventTimeTimers()).isZero();

      harness.endInput();

      assertThat(harness.extractOutputValues()).containsExactly("fig x1 = 70");
      assertThat(harness.extractWatermarks()).containsExactly(Long.MAX_VALUE);
    }
  }
}
