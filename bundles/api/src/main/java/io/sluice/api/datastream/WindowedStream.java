package io.sluice.api.datastream;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.operators.OperatorFactory;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeExtractor;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.typeutils.Types;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.evictors.TimestampedValue;
import io.sluice.api.windowing.functions.ProcessWindowFunction;
import io.sluice.api.windowing.operators.InternalWindowFunction;
import io.sluice.api.windowing.operators.WindowContents;
import io.sluice.api.windowing.operators.WindowOperator;
import io.sluice.api.windowing.operators.WindowOperatorSpec;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A keyed stream cut into windows: configure when windows fire ({@link #trigger}), what leaves them
 * ({@link #evictor}), how late elements may come ({@link #allowedLateness}, {@link
 * #sideOutputLateData}), then say what a window computes.
 *
 * <pre>{@code
 * clicks.keyBy(Click::user)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .allowedLateness(Duration.ofSeconds(30))
 *     .sideOutputLateData(lateClicks)
 *     .aggregate(new CountClicks(), new TagWithWindow())
 * }</pre>
 *
 * <p>{@code reduce} and {@code aggregate} keep one value per window and update it per element;
 * {@code process} keeps every element until the window fires. Results carry the window's {@code
 * maxTimestamp()} as timestamp.
 *
 * @param <T> the elements
 * @param <K> the key
 * @param <W> the windows
 */
public final class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private final boolean nonParallel;
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLatenessMillis;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this(input, assigner, false);
  }

  /**
   * @param nonParallel whether the window operator runs in one subtask (windowAll)
   */
  WindowedStream(
      KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner, boolean nonParallel) {
    this.input = input;
    this.assigner = assigner;
    this.nonParallel = nonParallel;
    this.trigger = assigner.getDefaultTrigger();
  }

  /** Replaces the assigner's default trigger. */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    return this;
  }

  /** Removes elements when windows fire; windows then keep every element, also for reduce. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    this.evictor = Objects.requireNonNull(evictor, "evictor");
    return this;
  }

  /**
   * Keeps event-time windows for {@code lateness} after their end: a late element within it is
   * added and fires the window again with the updated result. Ignored for processing time.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative: " + lateness);
    }
    this.allowedLatenessMillis = lateness.toMillis();
    return this;
  }

  /**
   * Sends elements that come after their windows were removed to the side output {@code tag}
   * instead of dropping them: {@code result.getSideOutput(tag)}.
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = Objects.requireNonNull(tag, "late data tag");
    return this;
  }

  // ---- reduce ----

  /** Reduces each window incrementally; emits the reduced value when the window fires. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    requireCopyable("window reduce", reducer);
    return build(
        "reduce",
        WindowContents.reducing(reducer),
        inputType(),
        InternalWindowFunction.passThrough(),
        this::sameTypeAsInput);
  }

  /** Reduces each window incrementally; {@code function} sees the reduced value and the window. */
  public <R> DataStream<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    requireCopyable("window reduce", reducer, function);
    return build(
        "reduce",
        WindowContents.reducing(reducer),
        inputType(),
        InternalWindowFunction.process(function),
        node -> DataStream.applyOutputType(node, function, ProcessWindowFunction.class, 1));
  }

  // ---- aggregate ----

  /** Aggregates each window incrementally into one accumulator; emits the result. */
  public <ACC, R> DataStream<R> aggregate(AggregateFunction<T, ACC, R> function) {
    requireCopyable("window aggregate", function);
    return build(
        "aggregate",
        WindowContents.aggregating(function),
        accumulatorType(function),
        InternalWindowFunction.passThrough(),
        node -> DataStream.applyOutputType(node, function, AggregateFunction.class, 2));
  }

  /**
   * Aggregates each window incrementally; {@code windowFunction} sees the aggregate's result and
   * the window.
   */
  public <ACC, V, R> DataStream<R> aggregate(
      AggregateFunction<T, ACC, V> function, ProcessWindowFunction<V, R, K, W> windowFunction) {
    requireCopyable("window aggregate", function, windowFunction);
    return build(
        "aggregate",
        WindowContents.aggregating(function),
        accumulatorType(function),
        InternalWindowFunction.process(windowFunction),
        node -> DataStream.applyOutputType(node, windowFunction, ProcessWindowFunction.class, 1));
  }

  // ---- process ----

  /** Keeps every element of a window and runs {@code function} over them when it fires. */
  public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
    requireCopyable("window process", function);
    return build(
        "process",
        WindowContents.buffering(),
        Types.list(inputType()),
        InternalWindowFunction.process(function),
        node -> DataStream.applyOutputType(node, function, ProcessWindowFunction.class, 1));
  }

  /** {@link #process} with the output type given by the caller (window joins, windowAll). */
  <R> DataStream<R> process(
      ProcessWindowFunction<T, R, K, W> function, Consumer<Transformation<R>> outputType) {
    return build(
        "process",
        WindowContents.buffering(),
        Types.list(inputType()),
        InternalWindowFunction.process(function),
        outputType);
  }

  <R> DataStream<R> reduce(
      ReduceFunction<T> reducer,
      ProcessWindowFunction<T, R, K, W> function,
      Consumer<Transformation<R>> outputType) {
    return build(
        "reduce",
        WindowContents.reducing(reducer),
        inputType(),
        InternalWindowFunction.process(function),
        outputType);
  }

  <ACC, V, R> DataStream<R> aggregate(
      AggregateFunction<T, ACC, V> function,
      ProcessWindowFunction<V, R, K, W> windowFunction,
      Consumer<Transformation<R>> outputType) {
    return build(
        "aggregate",
        WindowContents.aggregating(function),
        accumulatorType(function),
        InternalWindowFunction.process(windowFunction),
        outputType);
  }

  // ---- field aggregations ----

  /** The sum of a tuple field or record component (by position) per window. */
  public DataStream<T> sum(int position) {
    return fieldAggregate(FieldAggregator.Kind.SUM, FieldRef.position(position));
  }

  public DataStream<T> sum(String field) {
    return fieldAggregate(FieldAggregator.Kind.SUM, FieldRef.named(field));
  }

  /** The minimum of a field per window; other fields are those of the window's first element. */
  public DataStream<T> min(int position) {
    return fieldAggregate(FieldAggregator.Kind.MIN, FieldRef.position(position));
  }

  public DataStream<T> min(String field) {
    return fieldAggregate(FieldAggregator.Kind.MIN, FieldRef.named(field));
  }

  /** The maximum of a field per window; other fields are those of the window's first element. */
  public DataStream<T> max(int position) {
    return fieldAggregate(FieldAggregator.Kind.MAX, FieldRef.position(position));
  }

  public DataStream<T> max(String field) {
    return fieldAggregate(FieldAggregator.Kind.MAX, FieldRef.named(field));
  }

  private DataStream<T> fieldAggregate(FieldAggregator.Kind kind, FieldRef field) {
    FieldAggregator<T> aggregator = FieldAggregator.create(inputType(), field, kind);
    return reduce(aggregator);
  }

  // ---- building ----

  private <F, V, R> DataStream<R> build(
      String functionName,
      WindowContents<T, F, V> contents,
      Type accumulatorType,
      InternalWindowFunction<V, R, K, W> function,
      Consumer<Transformation<R>> outputType) {
    if (evictor != null) {
      Type elements = Types.list(Types.parameterized(TimestampedValue.class, inputType()));
      return buildOperator(
          functionName, WindowContents.evicting(contents), elements, function, outputType);
    }
    return buildOperator(functionName, contents, accumulatorType, function, outputType);
  }

  private <ACC, V, R> DataStream<R> buildOperator(
      String functionName,
      WindowContents<T, ACC, V> contents,
      Type accumulatorType,
      InternalWindowFunction<V, R, K, W> function,
      Consumer<Transformation<R>> outputType) {
    String name =
        (nonParallel ? "AllWindow(" : "Window(")
            + assigner
            + ", "
            + trigger
            + (evictor == null ? "" : ", " + evictor)
            + ", "
            + functionName
            + ")";
    TypeSerializer<ACC> accumulatorSerializer;
    try {
      accumulatorSerializer = TypeSerializers.forType(accumulatorType);
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Operator '"
              + name
              + "' keeps window contents of type "
              + accumulatorType.getTypeName()
              + " in state, which cannot be serialized: "
              + e.getMessage(),
          e);
    }
    WindowOperatorSpec<K, T, ACC, V, R, W> spec =
        new WindowOperatorSpec<>(
            assigner,
            trigger,
            evictor,
            allowedLatenessMillis,
            lateDataTag,
            contents,
            function,
            accumulatorSerializer);
    spec.withCopiedFunctions(name); // fail now, at build time, if the functions cannot be copied
    OperatorFactory<R> factory = () -> new WindowOperator<>(spec.withCopiedFunctions(name));
    OneInputTransformation<T, R> node =
        new OneInputTransformation<>(
            input.environment.newId(), name, input.getTransformation(), factory);
    outputType.accept(node);
    input.configure(node);
    if (nonParallel) {
      node.setParallelism(1);
    }
    return new DataStream<>(input.environment, node);
  }

  /** Fails while the job is built, naming the user's class, if a function cannot be copied. */
  private static void requireCopyable(String operation, Function... functions) {
    for (Function function : functions) {
      FunctionCopier.copy(function, operation);
    }
  }

  private Type inputType() {
    return input.getTransformation().getOutputType();
  }

  private void sameTypeAsInput(Transformation<T> node) {
    node.setOutputType(inputType());
  }

  private static Type accumulatorType(AggregateFunction<?, ?, ?> function) {
    try {
      return TypeExtractor.typeArgument(function, AggregateFunction.class, 1);
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Cannot determine the accumulator type of "
              + function.getClass().getName()
              + ", which window state needs: "
              + e.getMessage()
              + " Implement AggregateFunction in a named or anonymous class with concrete type"
              + " arguments.",
          e);
    }
  }
}
