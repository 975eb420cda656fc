package io.sluice.api.datastream;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.sink.PrintSink;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.graph.PartitionTransformation;
import io.sluice.api.graph.Partitioning;
import io.sluice.api.graph.SinkTransformation;
import io.sluice.api.graph.Transformation;
import io.sluice.api.graph.UnionTransformation;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.operators.OperatorFactory;
import io.sluice.api.operators.ProcessOperator;
import io.sluice.api.operators.StreamFilter;
import io.sluice.api.operators.StreamFlatMap;
import io.sluice.api.operators.StreamMap;
import io.sluice.api.operators.StreamOperator;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeExtractor;
import io.sluice.api.typeutils.TypeHint;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of elements of type {@code T}, and the operations that build on it. Every operation adds
 * a node to the dataflow and returns the stream it produces; nothing runs before {@code execute}.
 *
 * <p>Output types are derived from the functions; where Java erased them (lambdas producing generic
 * types, flatMap lambdas) say them with {@link #returns}.
 */
public class DataStream<T> {
  protected final StreamEnvironment environment;
  protected final Transformation<T> transformation;

  public DataStream(StreamEnvironment environment, Transformation<T> transformation) {
    this.environment = environment;
    this.transformation = transformation;
  }

  public StreamEnvironment getEnvironment() {
    return environment;
  }

  public Transformation<T> getTransformation() {
    return transformation;
  }

  /** The element type; throws if it could not be determined and was not given with returns. */
  public Type getType() {
    return transformation.getOutputType();
  }

  // ---- naming and parallelism of this operation ----

  public DataStream<T> name(String name) {
    requireOperation("name");
    transformation.setName(name);
    return this;
  }

  /** A stable id: state is matched to the operator by it when restoring. */
  public DataStream<T> uid(String uid) {
    requireOperation("uid");
    transformation.setUid(uid);
    return this;
  }

  public DataStream<T> setParallelism(int parallelism) {
    requireOperation("setParallelism");
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Declares the element type of this operation: {@code .returns(String.class)}. */
  public DataStream<T> returns(Class<T> type) {
    return returns((Type) type);
  }

  /** Declares a generic element type: {@code .returns(new TypeHint<Tuple2<String, Long>>() {})}. */
  public DataStream<T> returns(TypeHint<T> type) {
    return returns(type.getType());
  }

  public DataStream<T> returns(Type type) {
    requireOperation("returns");
    transformation.setOutputType(type);
    return this;
  }

  private void requireOperation(String method) {
    if (transformation instanceof PartitionTransformation<?>
        || transformation instanceof UnionTransformation<?>
        || transformation instanceof io.sluice.api.graph.SideOutputTransformation<?>) {
      throw new UnsupportedOperationException(
          method
              + "() applies to an operation (map, process, a source…), not to a '"
              + transformation.getName()
              + "' partitioning or union; call it on the stream before or after");
    }
  }

  // ---- element-wise operations ----

  public <R> DataStream<R> map(MapFunction<T, R> mapper) {
    return oneInput("Map", mapper, MapFunction.class, 1, StreamMap::new);
  }

  public <R> DataStream<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    return oneInput("FlatMap", flatMapper, FlatMapFunction.class, 1, StreamFlatMap::new);
  }

  public DataStream<T> filter(FilterFunction<T> filter) {
    OneInputTransformation<T, T> node =
        new OneInputTransformation<>(
            environment.newId(),
            "Filter",
            transformation,
            copying("Filter", filter, StreamFilter::new));
    sameTypeAsInput(node);
    configure(node);
    return new DataStream<>(environment, node);
  }

  public <R> DataStream<R> process(ProcessFunction<T, R> function) {
    return oneInput("Process", function, ProcessFunction.class, 1, ProcessOperator::new);
  }

  // ---- partitioning ----

  /** Partitions by key: equal keys go to the same subtask, where keyed state and timers live. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    Type keyType;
    try {
      keyType = TypeExtractor.typeArgument(keySelector, KeySelector.class, 1);
    } catch (InvalidTypesException e) {
      throw new InvalidTypesException(
          "Cannot determine the key type of keyBy: "
              + e.getMessage()
              + " Pass it: keyBy(selector, Types.STRING).",
          e);
    }
    return keyBy(keySelector, keyType);
  }

  /** {@link #keyBy(KeySelector)} with the key type given. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, Type keyType) {
    FunctionCopier.copy(keySelector, "keyBy"); // the selector runs in every subtask
    return new KeyedStream<>(this, keySelector, keyType);
  }

  /** Round robin to the next operation's subtasks. */
  public DataStream<T> rebalance() {
    return partition(Partitioning.REBALANCE);
  }

  /** Uniformly random to the next operation's subtasks. */
  public DataStream<T> shuffle() {
    return partition(Partitioning.SHUFFLE);
  }

  /** Every element to every subtask of the next operation. */
  public DataStream<T> broadcast() {
    return partition(Partitioning.BROADCAST);
  }

  /** Subtask i to subtask i; the next operation must have the same parallelism. */
  public DataStream<T> forward() {
    return partition(Partitioning.FORWARD);
  }

  private DataStream<T> partition(Partitioning partitioning) {
    return new DataStream<>(
        environment,
        new PartitionTransformation<>(environment.newId(), transformation, partitioning, null));
  }

  /** Merges streams of the same type. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> other : others) {
      if (other.environment != environment) {
        throw new IllegalArgumentException("cannot union streams of different environments");
      }
      inputs.add(other.transformation);
    }
    return new DataStream<>(environment, new UnionTransformation<>(environment.newId(), inputs));
  }

  /** The elements an operation emitted to the side output {@code tag}. */
  public <X> DataStream<X> getSideOutput(io.sluice.api.functions.OutputTag<X> tag) {
    if (tag.getType() == null) {
      throw new IllegalArgumentException("OutputTag " + tag.getId() + " has lost its type");
    }
    return new DataStream<>(
        environment,
        new io.sluice.api.graph.SideOutputTransformation<>(
            environment.newId(), transformation, tag));
  }

  // ---- windows (windowAll, join, coGroup) ----

  /**
   * Cuts the whole (non-keyed) stream into windows; the window operator runs in one subtask. Prefer
   * {@code keyBy(...).window(...)} where a key exists.
   */
  public <W extends io.sluice.api.windowing.windows.Window> AllWindowedStream<T, W> windowAll(
      io.sluice.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  /** Non-keyed windows of {@code size} elements each. */
  public AllWindowedStream<T, io.sluice.api.windowing.windows.GlobalWindow> countWindowAll(
      long size) {
    return windowAll(io.sluice.api.windowing.assigners.GlobalWindows.create())
        .trigger(
            io.sluice.api.windowing.triggers.PurgingTrigger.of(
                io.sluice.api.windowing.triggers.CountTrigger.of(size)));
  }

  /** Non-keyed windows of the last {@code size} elements, every {@code slide} elements. */
  public AllWindowedStream<T, io.sluice.api.windowing.windows.GlobalWindow> countWindowAll(
      long size, long slide) {
    return windowAll(io.sluice.api.windowing.assigners.GlobalWindows.create())
        .evictor(io.sluice.api.windowing.evictors.CountEvictor.of(size))
        .trigger(io.sluice.api.windowing.triggers.CountTrigger.of(slide));
  }

  /** Starts a window join with {@code other}: {@code join(b).where(..).equalTo(..).window(..)}. */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, other);
  }

  /** Starts a window coGroup with {@code other}. */
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return new CoGroupedStreams<>(this, other);
  }

  // ---- multi-input (connect, broadcast) ----

  /** Connects a stream of another type: one operator then processes both inputs. */
  public <T2> ConnectedStreams<T, T2> connect(DataStream<T2> other) {
    return new ConnectedStreams<>(this, other);
  }

  /**
   * Sends this stream to every subtask of the operator it will be connected to, where it fills the
   * broadcast state named by {@code descriptors}: the broadcast state pattern.
   */
  public BroadcastStream<T> broadcast(io.sluice.api.state.MapStateDescriptor<?, ?>... descriptors) {
    return new BroadcastStream<>(partition(Partitioning.BROADCAST), List.of(descriptors));
  }

  /** Connects a broadcast stream: this stream's elements are processed against its state. */
  public <B> BroadcastConnectedStream<T, B> connect(BroadcastStream<B> broadcastStream) {
    if (broadcastStream.getBroadcastInput().environment != environment) {
      throw new IllegalArgumentException("cannot connect streams of different environments");
    }
    return new BroadcastConnectedStream<>(this, broadcastStream);
  }

  // ---- sinks ----

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    SinkTransformation<T> sinkTransformation =
        new SinkTransformation<>(environment.newId(), "Sink", transformation, sink);
    environment.addSink(sinkTransformation);
    return new DataStreamSink<>(sinkTransformation);
  }

  /** Prints each element to standard output. */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>()).name("Print to Std. Out");
  }

  // ---- building blocks ----

  /** Adds a custom operator; the general form behind map, filter and the rest. */
  public <R> DataStream<R> transform(String name, Type outputType, OperatorFactory<R> factory) {
    OneInputTransformation<T, R> node =
        new OneInputTransformation<>(environment.newId(), name, transformation, factory);
    node.setOutputType(outputType);
    return new DataStream<>(environment, node);
  }

  <F extends Function, R> DataStream<R> oneInput(
      String name,
      F function,
      Class<?> functionInterface,
      int outputTypeIndex,
      java.util.function.Function<F, StreamOperator<R>> operator) {
    OneInputTransformation<T, R> node =
        new OneInputTransformation<>(
            environment.newId(), name, transformation, copying(name, function, operator));
    applyOutputType(node, function, functionInterface, outputTypeIndex);
    configure(node);
    return new DataStream<>(environment, node);
  }

  /** Hook for keyed streams to mark the node's input as keyed. */
  void configure(OneInputTransformation<T, ?> node) {}

  /** A factory that gives every subtask its own copy of the function. */
  static <F extends Function, R> OperatorFactory<R> copying(
      String name, F function, java.util.function.Function<F, StreamOperator<R>> operator) {
    FunctionCopier.copy(function, name); // fail now, at build time, if it cannot be copied
    return () -> operator.apply(FunctionCopier.copy(function, name));
  }

  static void applyOutputType(
      Transformation<?> node, Object function, Class<?> functionInterface, int index) {
    try {
      node.setOutputType(TypeExtractor.typeArgument(function, functionInterface, index));
    } catch (InvalidTypesException e) {
      node.setOutputTypeError(e);
    }
  }

  /** An operation that keeps the element type: the input's, or the input's type error. */
  void sameTypeAsInput(Transformation<T> node) {
    if (transformation.hasOutputType()) {
      node.setOutputType(transformation.getOutputType());
    } else {
      try {
        transformation.getOutputType();
      } catch (InvalidTypesException e) {
        node.setOutputTypeError(e);
      }
    }
  }
}
