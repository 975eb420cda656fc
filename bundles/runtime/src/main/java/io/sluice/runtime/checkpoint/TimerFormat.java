package io.sluice.runtime.checkpoint;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.time.KeyedTimerService;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import java.io.IOException;

/**
 * The timers of one operator subtask in a checkpoint: magic, count, then each timer as key group,
 * domain, time and serialized key, so a rescaled restore keeps only the timers of its key groups.
 * Written on the task thread (timers are few compared to state).
 */
public final class TimerFormat {
  private static final int MAGIC = 0x534c544d; // "SLTM"

  private TimerFormat() {}

  public static <K> byte[] write(
      KeyedTimerService<K> timers, TypeSerializer<K> keySerializer, int maxParallelism)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    out.writeInt(MAGIC);
    int countAt = out.position();
    out.writeInt(0);
    int[] count = {0};
    timers.forEachTimer(
        (eventTime, time, key) -> {
          out.writeShort(KeyGroups.assignToKeyGroup(key, maxParallelism));
          out.writeBoolean(eventTime);
          out.writeLong(time);
          keySerializer.serialize(key, out);
          count[0]++;
        });
    out.putInt(countAt, count[0]);
    return out.copyOfBuffer();
  }

  /** Registers every timer of {@code bytes} whose key group lies in {@code range}. */
  public static <K> int restore(
      byte[] bytes,
      KeyedTimerService<K> timers,
      TypeSerializer<K> keySerializer,
      KeyGroupRange range,
      String what)
      throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    if (in.readInt() != MAGIC) {
      throw new IOException(what + " is not a timer snapshot (bad magic)");
    }
    int count = in.readInt();
    int restored = 0;
    for (int i = 0; i < count; i++) {
      int keyGroup = in.readUnsignedShort();
      boolean eventTime = in.readBoolean();
      long time = in.readLong();
      K key = keySerializer.deserialize(in);
      if (range.contains(keyGroup)) {
        timers.restoreTimer(eventTime, time, key);
        restored++;
      }
    }
    if (in.available() != 0) {
      throw new IOException(what + " has " + in.available() + " bytes after its last timer");
    }
    return restored;
  }
}
