package io.sluice.api.operators;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.ProcessJoinFunction;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.api.typeutils.Types;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins two keyed streams on event time: a left element at {@code l} and a right element at {@code
 * r} of the same key are a pair when {@code l + lower <= r <= l + upper} (bounds inclusive; the API
 * turns an exclusive bound into an inclusive one a millisecond closer).
 *
 * <p>Each side is buffered in keyed map state, by timestamp. An element later than the watermark
 * ({@code timestamp < watermark}) is dropped, as in Flink, so no future element is earlier than the
 * watermark: a left element can then only meet future right elements while {@code l + upper >=
 * watermark}, a right one future left elements while {@code r - lower >= watermark}. An event-time
 * timer at the first watermark past that point removes the buffered timestamp.
 */
public final class IntervalJoinOperator<K, IN1, IN2, OUT>
    extends UdfOperator<ProcessJoinFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K> {
  /** The keyed map state buffering left elements by timestamp (named for state inspection). */
  public static final String LEFT_BUFFER = "_intervalJoin_left";

  /** The keyed map state buffering right elements by timestamp. */
  public static final String RIGHT_BUFFER = "_intervalJoin_right";

  private final long lower;
  private final long upper;
  private final Type leftType;
  private final Type rightType;
  private final ContextImpl contextImpl = new ContextImpl();
  private TimestampedCollector<OUT> collector;
  private InternalTimerService<K> timers;
  private MapState<Long, List<IN1>> leftBuffer;
  private MapState<Long, List<IN2>> rightBuffer;

  /**
   * @param lower the inclusive lower bound of {@code right - left}, in milliseconds
   * @param upper the inclusive upper bound of {@code right - left}; at least {@code lower}
   * @param leftType the element type of the left input, for its buffer
   * @param rightType the element type of the right input, for its buffer
   */
  public IntervalJoinOperator(
      ProcessJoinFunction<IN1, IN2, OUT> function,
      long lower,
      long upper,
      Type leftType,
      Type rightType) {
    super(function);
    if (lower > upper) {
      throw new IllegalArgumentException(
          "interval join bounds are empty: lower " + lower + " > upper " + upper);
    }
    this.lower = lower;
    this.upper = upper;
    this.leftType = leftType;
    this.rightType = rightType;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = context.getTimerService(this);
    leftBuffer = context.getRuntimeContext().getMapState(bufferDescriptor(LEFT_BUFFER, leftType));
    rightBuffer =
        context.getRuntimeContext().getMapState(bufferDescriptor(RIGHT_BUFFER, rightType));
    super.open();
  }

  private static <T> MapStateDescriptor<Long, List<T>> bufferDescriptor(String name, Type type) {
    return new MapStateDescriptor<>(
        name, TypeSerializers.forClass(Long.class), TypeSerializers.forType(Types.list(type)));
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    if (isLate(timestamp, "left")) {
      return;
    }
    add(leftBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN2>> bucket : rightBuffer.entries()) {
      long rightTimestamp = bucket.getKey();
      if (rightTimestamp >= saturatedAdd(timestamp, lower)
          && rightTimestamp <= saturatedAdd(timestamp, upper)) {
        for (IN2 right : bucket.getValue()) {
          emit(value, timestamp, right, rightTimestamp);
        }
      }
    }
    timers.registerEventTimeTimer(leftCleanupTime(timestamp));
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    if (isLate(timestamp, "right")) {
      return;
    }
    add(rightBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN1>> bucket : leftBuffer.entries()) {
      long leftTimestamp = bucket.getKey();
      if (timestamp >= saturatedAdd(leftTimestamp, lower)
          && timestamp <= saturatedAdd(leftTimestamp, upper)) {
        for (IN1 left : bucket.getValue()) {
          emit(left, leftTimestamp, value, timestamp);
        }
      }
    }
    timers.registerEventTimeTimer(rightCleanupTime(timestamp));
  }

  /**
   * Removes what can no longer be joined. Timers carry no side, so a timer at {@code t} clears the
   * left timestamp whose cleanup time is {@code t} and the right one likewise; for either, the
   * watermark has passed the last point at which a match could arrive.
   */
  @Override
  public void onEventTime(K key, long timestamp) throws Exception {
    long left = timestamp - upper - 1;
    if (leftCleanupTime(left) == timestamp) {
      leftBuffer.remove(left);
    }
    long right = timestamp + lower - 1;
    if (rightCleanupTime(right) == timestamp) {
      rightBuffer.remove(right);
    }
  }

  @Override
  public void onProcessingTime(K key, long timestamp) {
    // an interval join registers event-time timers only
  }

  private long leftCleanupTime(long leftTimestamp) {
    return saturatedAdd(saturatedAdd(leftTimestamp, upper), 1);
  }

  private long rightCleanupTime(long rightTimestamp) {
    return saturatedAdd(saturatedAdd(rightTimestamp, -lower), 1);
  }

  private boolean isLate(long timestamp, String side) {
    if (timestamp == Output.NO_TIMESTAMP) {
      throw new IllegalStateException(
          "An interval join needs event time, but a "
              + side
              + " element has no timestamp in "
              + context.getOperatorDescription()
              + ": give its source a WatermarkStrategy with a timestamp assigner");
    }
    return timestamp < timers.currentWatermark();
  }

  private static <T> void add(MapState<Long, List<T>> buffer, T value, long timestamp) {
    List<T> bucket = buffer.get(timestamp);
    List<T> updated = new ArrayList<>(bucket == null ? 1 : bucket.size() + 1);
    if (bucket != null) {
      updated.addAll(bucket);
    }
    updated.add(value);
    buffer.put(timestamp, updated);
  }

  private void emit(IN1 left, long leftTimestamp, IN2 right, long rightTimestamp) throws Exception {
    contextImpl.left = leftTimestamp;
    contextImpl.right = rightTimestamp;
    collector.setTimestamp(Math.max(leftTimestamp, rightTimestamp));
    function.processElement(left, right, contextImpl, collector);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  /** The timestamps of the pair being emitted; one instance reused per pair. */
  private final class ContextImpl implements ProcessJoinFunction.Context {
    long left;
    long right;

    @Override
    public long getLeftTimestamp() {
      return left;
    }

    @Override
    public long getRightTimestamp() {
      return right;
    }

    @Override
    public long getTimestamp() {
      return Math.max(left, right);
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      collector.collect(tag, value);
    }
  }
}
