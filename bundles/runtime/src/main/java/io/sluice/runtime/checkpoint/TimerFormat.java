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
 * domain, time, serialized key and (since version 2) its namespace: a presence byte, then the
 * namespace as the timer service's namespace serializer writes it. A rescaled restore keeps only
 * the timers of its key groups. Version 1 snapshots (magic "SLTM", no namespaces) still restore, as
 * timers without namespace. Written on the task thread (timers are few compared to state).
 */
public final class TimerFormat {
  private static final int MAGIC_V1 = 0x534c544d; // "SLTM"
  private static final int MAGIC_V2 = 0x534c5432; // "SLT2"

  private TimerFormat() {}

  public static <K> byte[] write(
      KeyedTimerService<K> timers, TypeSerializer<K> keySerializer, int maxParallelism)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    out.writeInt(MAGIC_V2);
    int countAt = out.position();
    out.writeInt(0);
    int[] count = {0};
    timers.forEachTimer(
        (eventTime, time, key, namespace) -> {
          out.writeShort(KeyGroups.assignToKeyGroup(key, maxParallelism));
          out.writeBoolean(eventTime);
          out.writeLong(time);
          keySerializer.serialize(key, out);
          out.writeBoolean(namespace != null);
          if (namespace != null) {
            timers.namespaceSerializer().serialize(namespace, out);
          }
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
    int magic = in.readInt();
    if (magic != MAGIC_V1 && magic != MAGIC_V2) {
      throw new IOException(what + " is not a timer snapshot (bad magic)");
    }
    boolean withNamespaces = magic == MAGIC_V2;
    int count = in.readInt();
    int restored = 0;
    for (int i = 0; i < count; i++) {
      int keyGroup = in.readUnsignedShort();
      boolean eventTime = in.readBoolean();
      long time = in.readLong();
      K key = keySerializer.deserialize(in);
      Object namespace =
          withNamespaces && in.readBoolean() ? readNamespace(in, timers, what) : null;
      if (range.contains(keyGroup)) {
        timers.restoreTimer(eventTime, time, key, namespace);
        restored++;
      }
    }
    if (in.available() != 0) {
      throw new IOException(what + " has " + in.available() + " bytes after its last timer");
    }
    return restored;
  }

  private static Object readNamespace(
      DataInputDeserializer in, KeyedTimerService<?> timers, String what) throws IOException {
    if (!timers.hasNamespaces()) {
      throw new IOException(
          what
              + " holds timers with namespaces (such as windows), but the operator now registers"
              + " timers without them");
    }
    return timers.namespaceSerializer().deserialize(in);
  }
}
