package io.sluice.testkit.multiinput;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.OperatorContext;
import io.sluice.api.operators.Output;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.operators.TwoInputStreamOperator;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.time.KeyedTimerService;
import io.sluice.runtime.time.ProcessingTimeService;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.state.heap.HeapKeyedStateBackend;
import io.sluice.state.heap.HeapStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Drives one keyed two-input operator directly, on the test thread: sets the key of each element as
 * the runtime does, fires event-time timers before the operator sees a watermark, and exposes the
 * heap state backend for inspection. Processing time stands still at 0.
 */
final class KeyedTwoInputHarness<K, IN1, IN2, OUT> implements OperatorContext, Output<OUT> {
  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
  private final KeySelector<IN1, K> key1;
  private final KeySelector<IN2, K> key2;
  private final HeapKeyedStateBackend<K> backend;
  private final List<OUT> output = new ArrayList<>();
  private KeyedTimerService<K> timers;
  private long watermark = Long.MIN_VALUE;

  KeyedTwoInputHarness(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, K> key1,
      KeySelector<IN2, K> key2,
      Class<K> keyType)
      throws Exception {
    this.operator = operator;
    this.key1 = key1;
    this.key2 = key2;
    this.backend =
        (HeapKeyedStateBackend<K>)
            new HeapStateBackend()
                .createKeyedStateBackend(
                    new KeyedStateBackendParameters<>(
                        "harness",
                        "operator",
                        0,
                        TypeSerializers.forClass(keyType),
                        KeyGroups.rangeForOperator(128, 1, 0),
                        128));
    operator.setup(this, this);
    operator.open();
  }

  void processElement1(IN1 value, long timestamp) throws Exception {
    backend.setCurrentKey(key1.getKey(value));
    operator.processElement1(value, timestamp);
  }

  void processElement2(IN2 value, long timestamp) throws Exception {
    backend.setCurrentKey(key2.getKey(value));
    operator.processElement2(value, timestamp);
  }

  void processWatermark(long watermark) throws Exception {
    this.watermark = watermark;
    if (timers != null) {
      timers.advanceWatermark(watermark);
    }
    operator.processWatermark(watermark);
  }

  /** Everything the operator emitted on its main output so far. */
  List<OUT> output() {
    return output;
  }

  /** How many keys hold state {@code stateName}. */
  int keysHolding(String stateName) {
    return backend.numberOfEntries(stateName);
  }

  int pendingEventTimers() {
    return timers == null ? 0 : timers.numberOfEventTimers();
  }

  // ---- Output ----

  @Override
  public void collect(OUT value, long timestamp) {
    output.add(value);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

  @Override
  public void emitWatermark(long watermark) {}

  // ---- OperatorContext ----

  @Override
  public RuntimeContext getRuntimeContext() {
    return new RuntimeContext() {
      @Override
      public String getJobId() {
        return "harness";
      }

      @Override
      public String getTaskNameWithSubtask() {
        return getOperatorDescription();
      }

      @Override
      public int getIndexOfThisSubtask() {
        return 0;
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return 1;
      }

      @Override
      public int getMaxNumberOfParallelSubtasks() {
        return 128;
      }

      @Override
      public ClassLoader getUserCodeClassLoader() {
        return KeyedTwoInputHarness.class.getClassLoader();
      }

      @Override
      public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return backend.getState(descriptor);
      }

      @Override
      public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return backend.getListState(descriptor);
      }

      @Override
      public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return backend.getMapState(descriptor);
      }
    };
  }

  @Override
  public String getOperatorDescription() {
    return "harness operator (1/1)";
  }

  @Override
  public KeyedStateBackend<?> getKeyedStateBackend() {
    return backend;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> InternalTimerService<T> getTimerService(Triggerable<T> target) {
    if (timers == null) {
      timers =
          new KeyedTimerService<>(
              backend, (Triggerable<K>) target, new StoppedClock(), Runnable::run);
    }
    return (InternalTimerService<T>) timers;
  }

  @Override
  public long currentProcessingTime() {
    return 0;
  }

  @Override
  public Executor getMailboxExecutor() {
    return Runnable::run;
  }

  @Override
  public ScheduledFuture<?> scheduleAt(long time, Runnable callback) {
    throw new UnsupportedOperationException("the harness has no processing-time callbacks");
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  /** Processing time that never advances: no processing-time timer ever fires. */
  private static final class StoppedClock implements ProcessingTimeService {
    @Override
    public long currentTimeMillis() {
      return 0;
    }

    @Override
    public ScheduledFuture<?> scheduleAt(long time, Runnable action, Consumer<Runnable> deliver) {
      throw new UnsupportedOperationException("the harness has no processing-time timers");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        long periodMillis, Runnable action, Consumer<Runnable> deliver) {
      throw new UnsupportedOperationException("the harness has no processing-time timers");
    }

    @Override
    public void close() {}
  }
}
