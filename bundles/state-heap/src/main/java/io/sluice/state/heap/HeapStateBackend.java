package io.sluice.state.heap;

import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.spi.state.StateBackend;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code heap} state backend: keyed state lives on the Java heap as the objects the job's
 * functions hand over, so access costs a hash lookup and no serialization. State is bounded by the
 * heap; jobs with large state select {@code rocksdb} instead.
 *
 * <p>Registered as a DS component under {@code sluice.state.backend=heap}; tests and embedded
 * setups may also create it with {@code new}. Stateless and safe to share between threads; each
 * keyed backend it creates is confined to one task thread.
 */
@Component(
    service = StateBackend.class,
    property = StateBackend.NAME_PROPERTY + "=" + HeapStateBackend.NAME)
public final class HeapStateBackend implements StateBackend {

  /** The name users select this backend by ({@code state.backend = heap}). */
  public static final String NAME = "heap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedStateBackend(
      KeyedStateBackendParameters<K> parameters) {
    return new HeapKeyedStateBackend<>(parameters);
  }

  @Override
  public String toString() {
    return "HeapStateBackend";
  }
}
