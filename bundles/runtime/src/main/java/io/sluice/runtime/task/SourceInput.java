package io.sluice.runtime.task;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.eventtime.TimestampAssigner;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.graph.SourceTransformation;
import io.sluice.api.operators.Output;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import io.sluice.runtime.checkpoint.OperatorRestore;
import io.sluice.runtime.source.SourceCoordinator;
import io.sluice.runtime.state.DistributionMode;
import io.sluice.runtime.state.RestoredList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs a source reader as the task's input: assigns timestamps, generates watermarks (per event and
 * every auto-watermark interval of the job), and at the end of a bounded input emits the final
 * watermark so event-time timers fire.
 *
 * <p>Idleness: when the generator marks the subtask idle, IDLE goes downstream (so consumers stop
 * waiting for this subtask's watermarks); the next record or advancing watermark first sends
 * ACTIVE.
 */
final class SourceInput implements TaskInput, ReaderOutput<Object>, WatermarkOutput {
  private final TaskDeployment deployment;
  private final SourceTransformation<Object> transformation;
  private final Output<Object> output;
  private SourceReader<Object, ?> reader;
  private TimestampAssigner<Object> assigner;
  private WatermarkGenerator<Object> generator;
  private Mailbox mailbox;
  private ScheduledFuture<?> periodicWatermarks;
  private long currentWatermark = Long.MIN_VALUE;
  private boolean idle;
  private CompletableFuture<Void> awaitedAvailability;
  private SimpleVersionedSerializer<Object> splitSerializer;
  private boolean suspended;

  /** The operator-state list holding a source reader's splits at a checkpoint. */
  static final String SPLITS_STATE = "source-reader-splits";

  @SuppressWarnings("unchecked")
  SourceInput(TaskDeployment deployment, Output<Object> output) {
    this.deployment = deployment;
    this.transformation =
        (SourceTransformation<Object>) deployment.vertex().head().transformation();
    this.output = output;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open(Mailbox mailbox) throws Exception {
    this.mailbox = mailbox;
    TaskInfo info = deployment.info();
    SourceCoordinator coordinator = deployment.sourceCoordinator();
    reader =
        (SourceReader<Object, ?>)
            transformation
                .getSource()
                .createReader(
                    new SourceReaderContext() {
                      @Override
                      public int getIndexOfSubtask() {
                        return info.subtaskIndex();
                      }

                      @Override
                      public int currentParallelism() {
                        return info.parallelism();
                      }

                      @Override
                      public void sendSplitRequest() {
                        coordinator.requestSplit(info.subtaskIndex());
                      }

                      @Override
                      public ClassLoader getUserCodeClassLoader() {
                        return info.userClassLoader();
                      }
                    });
    java.util.function.Consumer<Runnable> mails = mailbox::post;
    splitSerializer =
        (SimpleVersionedSerializer<Object>)
            transformation.getSource().getSplitSerializer(info.userClassLoader());
    List restoredSplits = restoredSplits();
    if (!restoredSplits.isEmpty()) {
      ((SourceReader) reader).addSplits(restoredSplits);
    }
    coordinator.registerReader(info.subtaskIndex(), mails, (SourceReader) reader);
    assigner = transformation.getWatermarkStrategy().createTimestampAssigner();
    generator = transformation.getWatermarkStrategy().createWatermarkGenerator();
    long interval = deployment.services().watermarkIntervalMillis();
    if (interval > 0) {
      periodicWatermarks =
          deployment
              .services()
              .clock()
              .scheduleAtFixedRate(interval, () -> generator.onPeriodicEmit(this), mailbox::post);
    }
    reader.start();
  }

  /**
   * The reader's unfinished splits at a checkpoint, as operator state (split lists are spread over
   * the new subtasks when the source is restored with another parallelism).
   */
  Map<String, RestoredList> snapshotState(long checkpointId) throws java.io.IOException {
    List<byte[]> items = new ArrayList<>();
    for (Object split : reader.snapshotState(checkpointId)) {
      byte[] bytes = splitSerializer.serialize(split);
      byte[] item = new byte[bytes.length + 4];
      java.nio.ByteBuffer.wrap(item).putInt(splitSerializer.getVersion()).put(bytes);
      items.add(item);
    }
    return Map.of(SPLITS_STATE, new RestoredList(DistributionMode.SPLIT, items));
  }

  /** Stops emitting (stop-with-savepoint): the task idles until it is canceled. */
  void suspend() {
    suspended = true;
  }

  private List<Object> restoredSplits() throws java.io.IOException {
    OperatorRestore restore = deployment.restoreOf(deployment.vertex().head().operatorId());
    if (restore == null || !restore.operatorState().containsKey(SPLITS_STATE)) {
      return List.of();
    }
    List<Object> splits = new ArrayList<>();
    for (byte[] item : restore.operatorState().get(SPLITS_STATE).items()) {
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(item);
      int version = in.getInt();
      splits.add(
          splitSerializer.deserialize(version, java.util.Arrays.copyOfRange(item, 4, item.length)));
    }
    return splits;
  }

  @Override
  public Progress process() throws Exception {
    if (suspended) {
      return Progress.NOTHING_AVAILABLE;
    }
    InputStatus status = reader.pollNext(this);
    switch (status) {
      case MORE_AVAILABLE:
        return Progress.MORE_AVAILABLE;
      case END_OF_INPUT:
        emitWatermark(Long.MAX_VALUE);
        return Progress.END_OF_INPUT;
      default:
        CompletableFuture<Void> available = reader.isAvailable();
        if (available.isDone()) {
          return Progress.MORE_AVAILABLE;
        }
        if (available != awaitedAvailability) {
          awaitedAvailability = available;
          available.thenRun(mailbox::wakeUp);
        }
        return Progress.NOTHING_AVAILABLE;
    }
  }

  @Override
  public void collect(Object record) {
    collect(record, Output.NO_TIMESTAMP);
  }

  @Override
  public void collect(Object record, long timestamp) {
    long ts = assigner.extractTimestamp(record, timestamp);
    markActive();
    output.collect(record, ts);
    if (ts != Output.NO_TIMESTAMP) {
      generator.onEvent(record, ts, this);
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    if (watermark > currentWatermark) {
      markActive();
      currentWatermark = watermark;
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void markIdle() {
    if (!idle) {
      idle = true;
      Outputs.emitWatermarkStatus(output, true);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      idle = false;
      Outputs.emitWatermarkStatus(output, false);
    }
  }

  @Override
  public void close() throws Exception {
    if (periodicWatermarks != null) {
      periodicWatermarks.cancel(false);
    }
    if (reader != null) {
      reader.close();
    }
  }
}
