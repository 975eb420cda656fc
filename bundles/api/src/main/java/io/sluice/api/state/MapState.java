package io.sluice.api.state;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A map per key. Iteration order is unspecified; iterators must not outlive the current record. */
@ProviderType
public interface MapState<K, V> extends State {
  V get(K key);

  void put(K key, V value);

  void putAll(Map<K, V> entries);

  void remove(K key);

  boolean contains(K key);

  Iterable<Map.Entry<K, V>> entries();

  Iterable<K> keys();

  Iterable<V> values();

  boolean isEmpty();
}
