package io.sluice.api.datastream;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.graph.Transformation;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeExtractor;
import io.sluice.api.typeutils.Types;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.functions.CoGroupFunction;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A window coGroup of two streams: per key and window, a {@link CoGroupFunction} sees the elements
 * of both sides.
 *
 * <pre>{@code
 * orders.coGroup(payments)
 *     .where(Order::id).equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(5)))
 *     .apply(new MatchOrFlag())
 * }</pre>
 *
 * <p>Both inputs are tagged into one stream of {@link TaggedUnion}, keyed by the key of whichever
 * side an element came from, windowed like any keyed stream, and split again when a window fires.
 */
public final class CoGroupedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    if (input1.environment != input2.environment) {
      throw new IllegalArgumentException("cannot coGroup streams of different environments");
    }
    this.input1 = input1;
    this.input2 = input2;
  }

  /** The key of the first input. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return where(keySelector, keyType(keySelector));
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, Type keyType) {
    return new Where<>(keySelector, keyType);
  }

  static Type keyType(KeySelector<?, ?> selector) {
    try {
      return TypeExtractor.typeArgument(selector, KeySelector.class, 1);
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Cannot determine the key type of where(...): "
              + e.getMessage()
              + " Pass it: where(selector, Types.STRING).",
          e);
    }
  }

  /** Keyed on the first input; name the key of the second. */
  public final class Where<KEY> {
    private final KeySelector<T1, KEY> keySelector1;
    private final Type keyType;

    Where(KeySelector<T1, KEY> keySelector1, Type keyType) {
      this.keySelector1 = keySelector1;
      this.keyType = keyType;
    }

    public EqualTo equalTo(KeySelector<T2, KEY> keySelector2) {
      return new EqualTo(keySelector2);
    }

    /** Both keys named; choose the windows. */
    public final class EqualTo {
      private final KeySelector<T2, KEY> keySelector2;

      EqualTo(KeySelector<T2, KEY> keySelector2) {
        this.keySelector2 = keySelector2;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, assigner);
      }
    }
  }

  /** A windowed coGroup, ready for its function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;
    private final Type keyType;
    private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
    private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
    private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
    private Duration allowedLateness = Duration.ZERO;

    WithWindow(
        DataStream<T1> input1,
        DataStream<T2> input2,
        KeySelector<T1, KEY> keySelector1,
        KeySelector<T2, KEY> keySelector2,
        Type keyType,
        WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
      this.input1 = input1;
      this.input2 = input2;
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
      this.keyType = keyType;
      this.assigner = assigner;
    }

    public WithWindow<T1, T2, KEY, W> trigger(
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      this.trigger = trigger;
      return this;
    }

    public WithWindow<T1, T2, KEY, W> evictor(
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      this.evictor = evictor;
      return this;
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      this.allowedLateness = lateness;
      return this;
    }

    /** Runs {@code function} per key and window that holds elements of either side. */
    public <R> DataStream<R> apply(CoGroupFunction<T1, T2, R> function) {
      return apply(
          function, node -> DataStream.applyOutputType(node, function, CoGroupFunction.class, 2));
    }

    <R> DataStream<R> apply(
        CoGroupFunction<T1, T2, R> function, Consumer<Transformation<R>> outputType) {
      Type unionType = Types.parameterized(TaggedUnion.class, input1.getType(), input2.getType());
      DataStream<TaggedUnion<T1, T2>> tagged1 =
          input1.map(new TagFirst<T1, T2>()).name("Tag first input").returns(unionType);
      DataStream<TaggedUnion<T1, T2>> tagged2 =
          input2.map(new TagSecond<T1, T2>()).name("Tag second input").returns(unionType);
      WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed =
          tagged1
              .union(tagged2)
              .keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType)
              .window(assigner);
      if (trigger != null) {
        windowed.trigger(trigger);
      }
      if (evictor != null) {
        windowed.evictor(evictor);
      }
      windowed.allowedLateness(allowedLateness);
      return windowed.process(new CoGroupWindowFunction<>(function), outputType);
    }
  }

  /** An element of either input of a coGroup: exactly one of {@code one} and {@code two} is set. */
  public record TaggedUnion<T1, T2>(T1 one, T2 two) {
    public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
      return new TaggedUnion<>(value, null);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
      return new TaggedUnion<>(null, value);
    }

    public boolean isOne() {
      return one != null;
    }
  }

  static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T1 value) {
      return TaggedUnion.one(value);
    }
  }

  static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T2 value) {
      return TaggedUnion.two(value);
    }
  }

  /** The key of a tagged element: the key selector of the side it came from. */
  static final class UnionKeySelector<T1, T2, KEY>
      implements KeySelector<TaggedUnion<T1, T2>, KEY> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;

    UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
    }

    @Override
    public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
      return value.isOne() ? keySelector1.getKey(value.one()) : keySelector2.getKey(value.two());
    }
  }

  /** Splits a window's tagged elements by side and runs the coGroup function. */
  static final class CoGroupWindowFunction<T1, T2, R, KEY, W extends Window>
      extends ProcessWindowFunction<TaggedUnion<T1, T2>, R, KEY, W> {
    private static final long serialVersionUID = 1L;
    private final CoGroupFunction<T1, T2, R> function;

    CoGroupWindowFunction(CoGroupFunction<T1, T2, R> function) {
      this.function = function;
    }

    @Override
    public void open(io.sluice.api.functions.RuntimeContext context) throws Exception {
      if (function instanceof io.sluice.api.functions.RichFunction rich) {
        rich.open(context);
      }
    }

    @Override
    public void close() throws Exception {
      if (function instanceof io.sluice.api.functions.RichFunction rich) {
        rich.close();
      }
    }

    @Override
    public void process(
        KEY key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<R> out)
        throws Exception {
      List<T1> first = new ArrayList<>();
      List<T2> second = new ArrayList<>();
      for (TaggedUnion<T1, T2> element : elements) {
        if (element.isOne()) {
          first.add(element.one());
        } else {
          second.add(element.two());
        }
      }
      function.coGroup(first, second, out);
    }
  }
}
