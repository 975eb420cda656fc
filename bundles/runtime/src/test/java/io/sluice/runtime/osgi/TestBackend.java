package io.sluice.runtime.osgi;

import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.StateBackend;
import java.util.Map;

/** A named state backend that creates nothing: selection looks only at names and identities. */
record TestBackend(String name) implements StateBackend {
  @Override
  public <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters) {
    throw new UnsupportedOperationException("selection tests create no state");
  }

  /** Service properties as Declarative Services passes them to a bind method. */
  static Map<String, Object> properties(String name, int ranking, long serviceId) {
    return Map.of(
        StateBackend.NAME_PROPERTY, name, "service.ranking", ranking, "service.id", serviceId);
  }
}
