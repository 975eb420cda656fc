package io.sluice.spi.state;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the keyed state of operators. Registered as an OSGi service by a state bundle (heap,
 * RocksDB); the runtime selects one by the service property {@value #NAME_PROPERTY} (configured as
 * {@code state.backend}), falling back to the highest service ranking.
 */
@ProviderType
public interface StateBackend {

  /** Service property naming the backend ("heap", "rocksdb"). */
  String NAME_PROPERTY = "sluice.state.backend";

  /** The name users select the backend by, equal to the service property. */
  String name();

  /** Creates the keyed state of one operator in one subtask, covering the subtask's key groups. */
  <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters);
}
