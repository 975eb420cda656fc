package io.sluice.bench.flink;

import io.sluice.bench.checkpoint.JobProbe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The Flink twin of the Sluice checkpoint benchmark's source: the indices {@code 0, 1, 2, …} as far
 * as the job's {@link JobProbe} released them, idling in 1 ms naps otherwise, at parallelism 1.
 * Restores are not measured on Flink, so the enumerator keeps no state.
 */
public final class GatedIndexSource
    implements Source<Long, GatedIndexSource.IndexSplit, Void>, ResultTypeQueryable<Long> {
  private static final long serialVersionUID = 1L;
  private static final int RECORDS_PER_POLL = 256;
  private static final long IDLE_NANOS = 1_000_000;

  private final String jobName;

  public GatedIndexSource(String jobName) {
    this.jobName = jobName;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<IndexSplit, Void> createEnumerator(
      SplitEnumeratorContext<IndexSplit> context) {
    return new SplitEnumerator<>() {
      private boolean assigned;

      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!assigned) {
          assigned = true;
          context.assignSplit(new IndexSplit(0), subtaskId);
        }
      }

      @Override
      public void addSplitsBack(List<IndexSplit> splits, int subtaskId) {
        assigned = false;
      }

      @Override
      public void addReader(int subtaskId) {}

      @Override
      public Void snapshotState(long checkpointId) {
        return null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public SplitEnumerator<IndexSplit, Void> restoreEnumerator(
      SplitEnumeratorContext<IndexSplit> context, Void checkpoint) {
    return createEnumerator(context);
  }

  @Override
  public SimpleVersionedSerializer<IndexSplit> getSplitSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(IndexSplit split) {
        return ByteBuffer.allocate(8).putLong(split.next()).array();
      }

      @Override
      public IndexSplit deserialize(int version, byte[] serialized) throws IOException {
        if (serialized.length != 8) {
          throw new IOException("an index split has 8 bytes, not " + serialized.length);
        }
        return new IndexSplit(ByteBuffer.wrap(serialized).getLong());
      }
    };
  }

  @Override
  public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Void checkpoint) {
        return new byte[0];
      }

      @Override
      public Void deserialize(int version, byte[] serialized) {
        return null;
      }
    };
  }

  @Override
  public SourceReader<Long, IndexSplit> createReader(SourceReaderContext context) {
    JobProbe probe = JobProbe.of(jobName);
    return new SourceReader<>() {
      private final CompletableFuture<Void> splitArrived = new CompletableFuture<>();
      private boolean open;
      private long next;

      @Override
      public void start() {
        context.sendSplitRequest();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<Long> output) {
        if (!open) {
          return InputStatus.NOTHING_AVAILABLE;
        }
        long stop = Math.min(probe.released(), next + RECORDS_PER_POLL);
        if (next >= stop) {
          LockSupport.parkNanos(IDLE_NANOS);
        }
        while (next < stop) {
          output.collect(next++);
        }
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public List<IndexSplit> snapshotState(long checkpointId) {
        return open ? List.of(new IndexSplit(next)) : List.of();
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        return splitArrived;
      }

      @Override
      public void addSplits(List<IndexSplit> splits) {
        open = true;
        next = splits.get(0).next();
        splitArrived.complete(null);
      }

      @Override
      public void notifyNoMoreSplits() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public TypeInformation<Long> getProducedType() {
    return TypeInformation.of(Long.class);
  }

  /** The next index to emit. */
  public record IndexSplit(long next) implements SourceSplit {
    @Override
    public String splitId() {
      return "indices";
    }
  }
}
