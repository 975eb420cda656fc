package io.sluice.api.datastream;

import io.sluice.api.datastream.CoGroupedStreams.TaggedUnion;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.functions.CoGroupFunction;
import io.sluice.api.windowing.functions.JoinFunction;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * A window join of two streams: every pair of elements with equal keys in the same window is joined
 * (an inner join per window).
 *
 * <pre>{@code
 * orders.join(payments)
 *     .where(Order::id).equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(5)))
 *     .apply((order, payment) -> new Paid(order.id(), payment.amount()))
 * }</pre>
 *
 * <p>Runs as a {@link CoGroupedStreams coGroup} whose function pairs the two sides.
 */
public final class JoinedStreams<T1, T2> {
  private final CoGroupedStreams<T1, T2> coGroup;

  JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.coGroup = new CoGroupedStreams<>(input1, input2);
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(coGroup.where(keySelector));
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, Type keyType) {
    return new Where<>(coGroup.where(keySelector, keyType));
  }

  /** Keyed on the first input; name the key of the second. */
  public final class Where<KEY> {
    private final CoGroupedStreams<T1, T2>.Where<KEY> where;

    Where(CoGroupedStreams<T1, T2>.Where<KEY> where) {
      this.where = where;
    }

    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      return new EqualTo(where.equalTo(keySelector));
    }

    /** Both keys named; choose the windows. */
    public final class EqualTo {
      private final CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo;

      EqualTo(CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo) {
        this.equalTo = equalTo;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(equalTo.window(assigner));
      }
    }
  }

  /** A windowed join, ready for its function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

    WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
      this.coGroup = coGroup;
    }

    public WithWindow<T1, T2, KEY, W> trigger(
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      coGroup.trigger(trigger);
      return this;
    }

    public WithWindow<T1, T2, KEY, W> evictor(
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      coGroup.evictor(evictor);
      return this;
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      coGroup.allowedLateness(lateness);
      return this;
    }

    /** Joins every pair of elements of the two sides with equal keys in the same window. */
    public <R> DataStream<R> apply(JoinFunction<T1, T2, R> function) {
      return coGroup.apply(
          new NestedLoopJoin<>(function),
          node -> DataStream.applyOutputType(node, function, JoinFunction.class, 2));
    }
  }

  /** The coGroup function of a join: every element of the first side with every of the second. */
  static final class NestedLoopJoin<T1, T2, R> implements CoGroupFunction<T1, T2, R>, RichFunction {
    private static final long serialVersionUID = 1L;
    private final JoinFunction<T1, T2, R> function;

    NestedLoopJoin(JoinFunction<T1, T2, R> function) {
      this.function = function;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
      if (function instanceof RichFunction rich) {
        rich.open(context);
      }
    }

    @Override
    public void close() throws Exception {
      if (function instanceof RichFunction rich) {
        rich.close();
      }
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<R> out)
        throws Exception {
      for (T1 a : first) {
        for (T2 b : second) {
          out.collect(function.join(a, b));
        }
      }
    }
  }
}
