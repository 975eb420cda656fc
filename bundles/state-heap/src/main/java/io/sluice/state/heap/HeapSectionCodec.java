package io.sluice.state.heap;

import io.sluice.api.state.StateDescriptor.Kind;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.CanonicalSectionReader;
import io.sluice.spi.state.CanonicalSectionWriter;
import io.sluice.spi.state.SnapshotStateInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns the objects of one heap state table into canonical sections and back, with the serializers
 * of the descriptor the state was registered with. What the table stores per key depends on kind
 * and time-to-live: the value or a {@link TtlValue} of it; a list of values or of {@link
 * TtlValue}s; a map to values or to {@link TtlValue}s. An instance keeps its own serializer
 * duplicates and scratch buffer, so it is confined to one thread.
 *
 * @param <K> the type of the backend's keys
 */
final class HeapSectionCodec<K> {
  private final SnapshotStateInfo info;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<Object> valueSerializer;
  private final TypeSerializer<Object> mapKeySerializer;
  private final DataInputDeserializer in = new DataInputDeserializer();

  /**
   * @param mapKeySerializer the map keys' serializer for map state, else null
   */
  @SuppressWarnings("unchecked")
  HeapSectionCodec(
      SnapshotStateInfo info,
      TypeSerializer<K> keySerializer,
      TypeSerializer<?> valueSerializer,
      TypeSerializer<?> mapKeySerializer) {
    this.info = info;
    this.keySerializer = keySerializer.duplicate();
    this.valueSerializer = (TypeSerializer<Object>) valueSerializer.duplicate();
    this.mapKeySerializer =
        mapKeySerializer == null ? null : (TypeSerializer<Object>) mapKeySerializer.duplicate();
  }

  SnapshotStateInfo info() {
    return info;
  }

  /** Writes every key of one key group's table into {@code section}. */
  void write(KeyGroupMap<K, ?> group, CanonicalSectionWriter section) throws IOException {
    for (int slot = group.firstSlot(); slot >= 0; slot = group.nextSlot(slot)) {
      keySerializer.serialize(group.keyAt(slot), section.beginKey());
      section.endFrame();
      Object stored = group.valueAt(slot);
      if (info.isValueLike()) {
        writeValue(stored, section);
      } else if (info.kind() == Kind.LIST) {
        List<?> list = (List<?>) stored;
        section.count(list.size());
        for (Object element : list) {
          writeValue(element, section);
        }
      } else {
        Map<?, ?> map = (Map<?, ?>) stored;
        section.count(map.size());
        for (Map.Entry<?, ?> mapEntry : map.entrySet()) {
          mapKeySerializer.serialize(mapEntry.getKey(), section.beginFrame());
          section.endFrame();
          writeValue(mapEntry.getValue(), section);
        }
      }
    }
  }

  /**
   * Reads a section of this state's layout, giving each key and what it stores to {@code group}.
   */
  @SuppressWarnings("unchecked")
  void read(byte[] bytes, BiConsumer<K, Object> group) throws IOException {
    CanonicalSectionReader reader = new CanonicalSectionReader(bytes);
    while (reader.hasRemaining()) {
      reader.nextFrame();
      K key = (K) deserialize(reader, keySerializer);
      Object stored;
      if (info.isValueLike()) {
        stored = readValue(reader);
      } else if (info.kind() == Kind.LIST) {
        int count = reader.readCount();
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(readValue(reader));
        }
        stored = list;
      } else {
        int count = reader.readCount();
        Map<Object, Object> map = new HashMap<>(Math.max(4, count * 4 / 3 + 1));
        for (int i = 0; i < count; i++) {
          reader.nextFrame();
          Object mapKey = deserialize(reader, mapKeySerializer);
          map.put(mapKey, readValue(reader));
        }
        stored = map;
      }
      if (!isEmpty(stored)) {
        group.accept(key, stored);
      }
    }
  }

  private void writeValue(Object stored, CanonicalSectionWriter section) throws IOException {
    DataOutputView out = section.beginFrame();
    if (info.ttl()) {
      TtlValue<?> stamped = (TtlValue<?>) stored;
      out.writeLong(stamped.timestamp());
      valueSerializer.serialize(stamped.value(), out);
    } else {
      valueSerializer.serialize(stored, out);
    }
    section.endFrame();
  }

  private Object readValue(CanonicalSectionReader reader) throws IOException {
    reader.nextFrame();
    in.setBuffer(reader.bytes(), reader.frameOffset(), reader.frameLength());
    if (info.ttl()) {
      long timestamp = in.readLong();
      return new TtlValue<>(valueSerializer.deserialize(in), timestamp);
    }
    return valueSerializer.deserialize(in);
  }

  private Object deserialize(CanonicalSectionReader reader, TypeSerializer<?> serializer)
      throws IOException {
    in.setBuffer(reader.bytes(), reader.frameOffset(), reader.frameLength());
    return serializer.deserialize(in);
  }

  private static boolean isEmpty(Object stored) {
    return (stored instanceof List<?> list && list.isEmpty())
        || (stored instanceof Map<?, ?> map && map.isEmpty());
  }
}
