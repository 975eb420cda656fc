package io.sluice.runtime.network;

import io.sluice.spi.shuffle.NetworkBuffer;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import java.util.Arrays;
import java.util.List;

/** Passes everything to a real partition and keeps a copy of the bytes of each emitted buffer. */
final class RecordingPartition implements ResultPartitionWriter {

  private final ResultPartitionWriter delegate;
  private final List<byte[]> emitted;

  RecordingPartition(ResultPartitionWriter delegate, List<byte[]> emitted) {
    this.delegate = delegate;
    this.emitted = emitted;
  }

  @Override
  public ResultPartitionId id() {
    return delegate.id();
  }

  @Override
  public int numberOfSubpartitions() {
    return delegate.numberOfSubpartitions();
  }

  @Override
  public NetworkBuffer requestBuffer() throws InterruptedException {
    return delegate.requestBuffer();
  }

  @Override
  public void emit(int subpartition, NetworkBuffer buffer) {
    emitted.add(Arrays.copyOf(buffer.array(), buffer.size()));
    delegate.emit(subpartition, buffer);
  }

  @Override
  public void finish() {
    delegate.finish();
  }

  @Override
  public void fail(Throwable cause) {
    delegate.fail(cause);
  }

  @Override
  public void release() {
    delegate.release();
  }
}
