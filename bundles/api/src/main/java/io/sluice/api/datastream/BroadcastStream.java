package io.sluice.api.datastream;

import io.sluice.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream sent to every subtask of the operator it is connected to, together with the broadcast
 * state it fills there: created by {@link DataStream#broadcast(MapStateDescriptor...)}, used by
 * {@link DataStream#connect(BroadcastStream)}.
 */
public final class BroadcastStream<T> {
  private final DataStream<T> broadcastInput;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStream(DataStream<T> broadcastInput, List<MapStateDescriptor<?, ?>> descriptors) {
    this.broadcastInput = broadcastInput;
    this.descriptors = List.copyOf(descriptors);
  }

  /** The broadcast-partitioned stream. */
  public DataStream<T> getBroadcastInput() {
    return broadcastInput;
  }

  /** The broadcast states the connected operator holds, one map per descriptor. */
  public List<MapStateDescriptor<?, ?>> getDescriptors() {
    return descriptors;
  }
}
