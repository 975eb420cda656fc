package io.sluice.api.operators;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import java.util.Collection;

/**
 * Feeds a {@link Sink}'s writer. At the end of input the writer flushes and, for a committing sink,
 * its committables are committed, so a bounded job's output appears only when it finished.
 */
public final class SinkWriterOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private final WriterContext writerContext = new WriterContext();

  public SinkWriterOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  public void open() throws Exception {
    var rc = context.getRuntimeContext();
    writer =
        sink.createWriter(
            new Sink.InitContext(
                rc.getJobId(), rc.getIndexOfThisSubtask(), rc.getNumberOfParallelSubtasks()));
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writerContext.timestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    writerContext.watermark = watermark;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void finish() throws Exception {
    writer.flush(true);
    if (sink instanceof SupportsCommitter<?> committing
        && writer instanceof CommittingSinkWriter<?, ?> committingWriter) {
      Collection committables = committingWriter.prepareCommit();
      try (Committer committer = committing.createCommitter()) {
        committer.commit(committables);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }

  /** The writer's view of the element being written; one instance reused. */
  private static final class WriterContext implements SinkWriter.Context {
    long timestamp = Output.NO_TIMESTAMP;
    long watermark = Long.MIN_VALUE;

    @Override
    public Long timestamp() {
      return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    public long currentWatermark() {
      return watermark;
    }
  }
}
