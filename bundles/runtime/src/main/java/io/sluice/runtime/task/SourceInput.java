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
import io.sluice.runtime.source.SourceCoordinator;
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

  @Override
  public Progress process() throws Exception {
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
