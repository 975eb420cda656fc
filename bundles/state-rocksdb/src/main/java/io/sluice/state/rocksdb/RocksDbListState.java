package io.sluice.state.rocksdb;

import io.sluice.api.state.ListState;
import io.sluice.api.state.StateAccessException;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ListState} storing the current key's list as one RocksDB value: the elements one after
 * another, each framed as {@code [length, 4 bytes big-endian] + element}, where an element is
 * {@link ValueCodec}'s encoding (timestamp first if the state has a time-to-live). The framing
 * makes the concatenation unambiguous whatever the elements' bytes, so {@link #add} is a RocksDB
 * merge with the empty-delimiter string-append operator and never reads.
 *
 * <p>With a time-to-live each element expires on its own; {@link #get()} drops the expired ones and
 * writes the list back without them (restamping what it returns under {@code OnReadAndWrite}). Null
 * elements are rejected and an empty list is never stored.
 */
final class RocksDbListState<V> implements ListState<V> {
  private final StateColumn column;
  private final ValueCodec<V> codec;
  private final TtlPolicy policy;
  private final DataOutputSerializer frames = new DataOutputSerializer(128);
  private final DataOutputSerializer element = new DataOutputSerializer(64);

  /**
   * @param policy the time-to-live, or null for none
   */
  RocksDbListState(StateColumn column, ValueCodec<V> codec, TtlPolicy policy) {
    this.column = column;
    this.codec = codec;
    this.policy = policy;
  }

  @Override
  public Iterable<V> get() {
    byte[] key = column.currentKey();
    byte[] bytes = column.get(key);
    if (bytes == null) {
      return List.of();
    }
    List<Stamped<V>> stored = decode(bytes);
    List<V> values = new ArrayList<>(stored.size());
    if (policy == null) {
      for (Stamped<V> each : stored) {
        values.add(each.value());
      }
      return Collections.unmodifiableList(values);
    }
    long now = policy.now();
    boolean expiredSeen = false;
    for (Stamped<V> each : stored) {
      if (policy.isExpired(each.timestamp(), now)) {
        expiredSeen = true;
      } else {
        values.add(each.value());
      }
    }
    if (values.isEmpty()) {
      column.delete(key);
    } else if (policy.refreshOnRead()) {
      column.put(key, encode(values, now));
    } else if (expiredSeen) {
      List<Stamped<V>> live = new ArrayList<>(values.size());
      for (Stamped<V> each : stored) {
        if (!policy.isExpired(each.timestamp(), now)) {
          live.add(each);
        }
      }
      column.put(key, encodeStamped(live));
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public void add(V value) {
    requireElement(value, -1);
    column.merge(column.currentKey(), encode(List.of(value), now()));
  }

  /** Adds all of {@code values}, or none of them if one is null. */
  @Override
  public void addAll(List<V> values) {
    requireElements(values);
    if (!values.isEmpty()) {
      column.merge(column.currentKey(), encode(values, now()));
    }
  }

  /** Replaces the list of the current key with {@code values}; empty clears. */
  @Override
  public void update(List<V> values) {
    requireElements(values);
    if (values.isEmpty()) {
      column.delete(column.currentKey());
    } else {
      column.put(column.currentKey(), encode(values, now()));
    }
  }

  @Override
  public void clear() {
    column.delete(column.currentKey());
  }

  private long now() {
    return policy == null ? 0 : policy.now();
  }

  private byte[] encode(List<V> values, long timestamp) {
    frames.clear();
    for (V value : values) {
      frame(value, timestamp);
    }
    return frames.copyOfBuffer();
  }

  private byte[] encodeStamped(List<Stamped<V>> values) {
    frames.clear();
    for (Stamped<V> value : values) {
      frame(value.value(), value.timestamp());
    }
    return frames.copyOfBuffer();
  }

  private void frame(V value, long timestamp) {
    element.clear();
    codec.writeTo(element, value, timestamp);
    frames.writeInt(element.position());
    frames.write(element.getSharedBuffer(), 0, element.position());
  }

  private List<Stamped<V>> decode(byte[] bytes) {
    List<Stamped<V>> elements = new ArrayList<>();
    int position = 0;
    while (position < bytes.length) {
      if (bytes.length - position < Integer.BYTES) {
        throw corrupt(bytes.length, position);
      }
      int length =
          ((bytes[position] & 0xff) << 24)
              | ((bytes[position + 1] & 0xff) << 16)
              | ((bytes[position + 2] & 0xff) << 8)
              | (bytes[position + 3] & 0xff);
      position += Integer.BYTES;
      if (length < 0 || length > bytes.length - position) {
        throw corrupt(bytes.length, position);
      }
      elements.add(codec.decode(bytes, position, length));
      position += length;
    }
    return elements;
  }

  private StateAccessException corrupt(int size, int position) {
    return new StateAccessException(
        "list state '"
            + column.name()
            + "' holds a malformed list ("
            + size
            + " bytes, bad frame at "
            + position
            + ")",
        null);
  }

  private void requireElements(List<V> values) {
    Objects.requireNonNull(
        values, () -> "list state '" + column.name() + "' was given a null list");
    for (int i = 0; i < values.size(); i++) {
      requireElement(values.get(i), i);
    }
  }

  private void requireElement(V value, int index) {
    if (value == null) {
      throw new NullPointerException(
          "list state '"
              + column.name()
              + "' cannot hold null elements"
              + (index < 0 ? "" : " (null at index " + index + " of the given list)"));
    }
  }
}
