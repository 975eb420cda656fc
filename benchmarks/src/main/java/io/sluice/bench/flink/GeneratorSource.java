package io.sluice.bench.flink;

import io.sluice.bench.common.RecordGenerator;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded Flink source that generates {@code records} records, subtask {@code i} of {@code p} the
 * indices {@code i, i + p, …}: the same records, in the same order per subtask, as the Sluice
 * generator source. The enumerator keeps no state worth a checkpoint (its splits are derived from
 * the subtask index), hence {@code Void}.
 */
public final class GeneratorSource<T>
    implements Source<T, GeneratorSplit, Void>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final RecordGenerator<T> generator;
  private final long records;
  private final boolean stampLatency;

  public GeneratorSource(RecordGenerator<T> generator, long records, boolean stampLatency) {
    this.generator = generator;
    this.records = records;
    this.stampLatency = stampLatency;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<GeneratorSplit, Void> createEnumerator(
      SplitEnumeratorContext<GeneratorSplit> context) {
    return new SubtaskSplitEnumerator(context, records);
  }

  @Override
  public SplitEnumerator<GeneratorSplit, Void> restoreEnumerator(
      SplitEnumeratorContext<GeneratorSplit> context, Void checkpoint) {
    return new SubtaskSplitEnumerator(context, records);
  }

  @Override
  public SimpleVersionedSerializer<GeneratorSplit> getSplitSerializer() {
    return new GeneratorSplitSerializer();
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
      public Void deserialize(int version, byte[] serialized) throws IOException {
        if (serialized.length != 0) {
          throw new IOException("The generator enumerator checkpoint must be empty");
        }
        return null;
      }
    };
  }

  @Override
  public SourceReader<T, GeneratorSplit> createReader(SourceReaderContext context) {
    return new GeneratorReader<>(context, generator, stampLatency);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return TypeInformation.of(generator.type());
  }
}
