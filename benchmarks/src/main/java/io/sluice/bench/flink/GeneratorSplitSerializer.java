package io.sluice.bench.flink;

import io.sluice.bench.common.StridedRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes a split as its three longs; Flink ships splits from the enumerator to the readers. */
final class GeneratorSplitSerializer implements SimpleVersionedSerializer<GeneratorSplit> {
  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(GeneratorSplit split) {
    StridedRange r = split.range();
    return ByteBuffer.allocate(24).putLong(r.next()).putLong(r.stride()).putLong(r.end()).array();
  }

  @Override
  public GeneratorSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1 || serialized.length != 24) {
      throw new IOException(
          "Unknown generator split format: version " + version + ", " + serialized.length + " B");
    }
    ByteBuffer in = ByteBuffer.wrap(serialized);
    return new GeneratorSplit(new StridedRange(in.getLong(), in.getLong(), in.getLong()));
  }
}
