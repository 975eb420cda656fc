package io.sluice.runtime.osgi;

import io.sluice.platform.Backends;
import io.sluice.runtime.execution.RuntimeServices;
import io.sluice.runtime.osgi.ServiceChoice.Candidate;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import io.sluice.spi.state.StateBackend;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plug-ins the runtime may use and the ones it has selected. Declarative Services binds and
 * unbinds services and Config Admin changes the configured names from their own threads; every
 * change recomputes the selection and publishes one immutable {@link RuntimeServices}, which job
 * masters read through {@link #services()} whenever they deploy an attempt.
 *
 * <p>Thread-safe: changes run under this object's lock; {@link #services()} is a volatile read.
 */
final class PluginRegistry {

  /** The checkpoint storage used when none is configured. */
  static final String DEFAULT_CHECKPOINT_STORAGE = "fs";

  private final ServiceChoice<StateBackend> stateBackends = new ServiceChoice<>();
  private final ServiceChoice<CheckpointStorage> storages = new ServiceChoice<>();
  private String configuredStateBackend;
  private String configuredStorage = DEFAULT_CHECKPOINT_STORAGE;
  private ShuffleService shuffle;
  private ShuffleSettings shuffleSettings = ShuffleSettings.defaults();
  private TaskExecutor taskExecutor;
  private volatile RuntimeServices services;

  /** Sets what does not change while the runtime is active. */
  synchronized void setFixed(
      ShuffleService shuffle, ShuffleSettings shuffleSettings, TaskExecutor taskExecutor) {
    this.shuffle = shuffle;
    this.shuffleSettings = shuffleSettings;
    this.taskExecutor = taskExecutor;
    publish();
  }

  /**
   * Sets the configured names ({@code state.backend}, {@code checkpoint.storage}; blank means
   * unset).
   *
   * @return true if the selected state backend changed
   */
  synchronized boolean configure(String stateBackend, String checkpointStorage) {
    configuredStateBackend = blankToNull(stateBackend);
    String storage = blankToNull(checkpointStorage);
    configuredStorage = storage == null ? DEFAULT_CHECKPOINT_STORAGE : storage;
    return publish();
  }

  /**
   * @return true if the selected state backend changed
   */
  synchronized boolean addStateBackend(StateBackend backend, Map<String, ?> properties) {
    stateBackends.add(candidate(backend, properties, StateBackend.NAME_PROPERTY, b -> b.name()));
    return publish();
  }

  /**
   * @return true if the selected state backend changed
   */
  synchronized boolean removeStateBackend(StateBackend backend) {
    stateBackends.remove(backend);
    return publish();
  }

  synchronized void addCheckpointStorage(CheckpointStorage storage, Map<String, ?> properties) {
    storages.add(candidate(storage, properties, CheckpointStorage.NAME_PROPERTY, s -> s.name()));
    publish();
  }

  synchronized void removeCheckpointStorage(CheckpointStorage storage) {
    storages.remove(storage);
    publish();
  }

  /** The services new deployments run on; null until a shuffle service is set. */
  RuntimeServices services() {
    return services;
  }

  /** The selected state backend, or null if none is registered. */
  StateBackend selectedStateBackend() {
    RuntimeServices current = services;
    return current == null ? null : current.stateBackend();
  }

  /** True while this backend instance is still registered (it may still take a savepoint). */
  synchronized boolean isRegistered(StateBackend backend) {
    return stateBackends.contains(backend);
  }

  /** The registered state backend named {@code name}, if any. */
  synchronized Optional<StateBackend> stateBackendNamed(String name) {
    return stateBackends.named(name).map(Candidate::service);
  }

  synchronized String configuredStateBackend() {
    return configuredStateBackend;
  }

  /** What {@code sluice backend} shows. */
  synchronized Backends describe() {
    return new Backends(
        configuredStateBackend,
        stateBackends.select(configuredStateBackend).map(Candidate::name).orElse(null),
        stateBackends.names(),
        configuredStorage,
        storages.select(configuredStorage).map(Candidate::name).orElse(null),
        storages.names());
  }

  /** Recomputes the selection; true if the selected state backend is another object now. */
  private boolean publish() {
    StateBackend before = selectedStateBackend();
    StateBackend backend =
        stateBackends.select(configuredStateBackend).map(Candidate::service).orElse(null);
    CheckpointStorage storage =
        storages.select(configuredStorage).map(Candidate::service).orElse(null);
    services =
        shuffle == null
            ? null
            : new RuntimeServices(shuffle, backend, shuffleSettings, taskExecutor, storage);
    return before != backend && shuffle != null;
  }

  private static <S> Candidate<S> candidate(
      S service, Map<String, ?> properties, String nameProperty, Function<S, String> name) {
    Object named = properties.get(nameProperty);
    Object ranking = properties.get("service.ranking");
    Object id = properties.get("service.id");
    return new Candidate<>(
        named instanceof String s && !s.isBlank() ? s : name.apply(service),
        ranking instanceof Integer r ? r : 0,
        id instanceof Number n ? n.longValue() : Long.MAX_VALUE,
        service);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
