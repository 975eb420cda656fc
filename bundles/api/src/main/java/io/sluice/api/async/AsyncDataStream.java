package io.sluice.api.async;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.graph.OneInputTransformation;
import io.sluice.api.operators.FunctionCopier;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeExtractor;
import java.util.concurrent.TimeUnit;

/**
 * Adds asynchronous I/O to a stream:
 *
 * <pre>{@code
 * DataStream<Profile> profiles =
 *     AsyncDataStream.orderedWait(users, new Lookup(), 1, TimeUnit.SECONDS, 100);
 * }</pre>
 *
 * At most {@code capacity} requests are in flight per subtask; when that many are pending the task
 * takes no more input (backpressure) until one completes. Results carry the input element's
 * timestamp. A watermark is emitted only after the results of every element before it, so event
 * time stays correct in both modes. At the end of input the operator waits for every pending
 * request. A timeout of 0 means none.
 */
public final class AsyncDataStream {
  /** Flink's default capacity. */
  public static final int DEFAULT_CAPACITY = 100;

  private AsyncDataStream() {}

  /** How results leave the operator. */
  public enum OutputMode {
    /** In the order of the input elements. */
    ORDERED,
    /** As they complete, but never across a watermark. */
    UNORDERED
  }

  /** Results in input order. */
  public static <IN, OUT> DataStream<OUT> orderedWait(
      DataStream<IN> input,
      AsyncFunction<IN, OUT> function,
      long timeout,
      TimeUnit unit,
      int capacity) {
    return addOperator(input, function, unit.toMillis(timeout), capacity, OutputMode.ORDERED);
  }

  public static <IN, OUT> DataStream<OUT> orderedWait(
      DataStream<IN> input, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit) {
    return orderedWait(input, function, timeout, unit, DEFAULT_CAPACITY);
  }

  /** Results as their requests complete (between two watermarks). */
  public static <IN, OUT> DataStream<OUT> unorderedWait(
      DataStream<IN> input,
      AsyncFunction<IN, OUT> function,
      long timeout,
      TimeUnit unit,
      int capacity) {
    return addOperator(input, function, unit.toMillis(timeout), capacity, OutputMode.UNORDERED);
  }

  public static <IN, OUT> DataStream<OUT> unorderedWait(
      DataStream<IN> input, AsyncFunction<IN, OUT> function, long timeout, TimeUnit unit) {
    return unorderedWait(input, function, timeout, unit, DEFAULT_CAPACITY);
  }

  private static <IN, OUT> DataStream<OUT> addOperator(
      DataStream<IN> input,
      AsyncFunction<IN, OUT> function,
      long timeoutMillis,
      int capacity,
      OutputMode mode) {
    if (capacity < 1) {
      throw new IllegalArgumentException("async capacity must be at least 1: " + capacity);
    }
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("async timeout must not be negative: " + timeoutMillis);
    }
    String name = "Async Wait";
    FunctionCopier.copy(function, name); // fail now, at build time, if it cannot be copied
    OneInputTransformation<IN, OUT> node =
        new OneInputTransformation<>(
            input.getEnvironment().newId(),
            name,
            input.getTransformation(),
            () ->
                new AsyncWaitOperator<>(
                    FunctionCopier.copy(function, name), timeoutMillis, capacity, mode));
    try {
      node.setOutputType(TypeExtractor.typeArgument(function, AsyncFunction.class, 1));
    } catch (InvalidTypesException e) {
      node.setOutputTypeError(e);
    }
    return new DataStream<>(input.getEnvironment(), node);
  }
}
