package io.sluice.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.Backends;
import io.sluice.runtime.osgi.BackendSwitcher.MoveKind;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
  private final PluginRegistry registry = new PluginRegistry();
  private final TestBackend heap = new TestBackend("heap");
  private final TestBackend rocksdb = new TestBackend("rocksdb");

  private void activate(String stateBackend) {
    registry.setFixed(
        proxy(ShuffleService.class, "local"),
        ShuffleSettings.defaults(),
        new TaskExecutor("test", 1));
    registry.configure(stateBackend, null);
  }

  @Test
  void bindingBeforeActivationPublishesNothingAndReportsNoChange() {
    assertThat(registry.addStateBackend(heap, TestBackend.properties("heap", 0, 1))).isFalse();
    assertThat(registry.services()).isNull();
    assertThat(registry.selectedStateBackend()).isNull();

    activate("");

    assertThat(registry.selectedStateBackend()).isSameAs(heap);
  }

  @Test
  void configurationSelectsAndEveryChangeOfTheSelectedObjectIsReported() {
    registry.addStateBackend(heap, TestBackend.properties("heap", 0, 1));
    activate("heap");

    // rocksdb appears with a higher ranking, but heap is configured: no change
    assertThat(registry.addStateBackend(rocksdb, TestBackend.properties("rocksdb", 10, 2)))
        .isFalse();
    assertThat(registry.selectedStateBackend()).isSameAs(heap);

    // configured to rocksdb: change
    assertThat(registry.configure("rocksdb", "fs")).isTrue();
    assertThat(registry.selectedStateBackend()).isSameAs(rocksdb);
    assertThat(registry.services().stateBackend()).isSameAs(rocksdb);
    assertThat(registry.configure("rocksdb", "fs")).isFalse();

    // the rocksdb bundle stops: back to heap, and rocksdb is no longer usable for a savepoint
    assertThat(registry.isRegistered(rocksdb)).isTrue();
    assertThat(registry.removeStateBackend(rocksdb)).isTrue();
    assertThat(registry.isRegistered(rocksdb)).isFalse();
    assertThat(registry.selectedStateBackend()).isSameAs(heap);

    // it comes back (a new service object): configured, so selected again
    TestBackend rocksdbAgain = new TestBackend("rocksdb");
    assertThat(registry.addStateBackend(rocksdbAgain, TestBackend.properties("rocksdb", 0, 3)))
        .isTrue();
    assertThat(registry.selectedStateBackend()).isSameAs(rocksdbAgain);
  }

  @Test
  void removingABackendThatIsNotSelectedChangesNothing() {
    registry.addStateBackend(heap, TestBackend.properties("heap", 0, 1));
    registry.addStateBackend(rocksdb, TestBackend.properties("rocksdb", 0, 2));
    activate("heap");

    assertThat(registry.removeStateBackend(rocksdb)).isFalse();
    assertThat(registry.selectedStateBackend()).isSameAs(heap);
  }

  @Test
  void checkpointStorageIsSelectedByNameWithFsAsTheDefault() {
    CheckpointStorage fs = proxy(CheckpointStorage.class, "fs");
    CheckpointStorage memory = proxy(CheckpointStorage.class, "memory");
    registry.addStateBackend(heap, TestBackend.properties("heap", 0, 1));
    registry.addCheckpointStorage(
        memory, Map.of(CheckpointStorage.NAME_PROPERTY, "memory", "service.id", 2L));
    registry.addCheckpointStorage(
        fs, Map.of(CheckpointStorage.NAME_PROPERTY, "fs", "service.id", 3L));
    activate(null);
    assertThat(registry.services().checkpointStorage()).isSameAs(fs);

    registry.configure(null, "memory");
    assertThat(registry.services().checkpointStorage()).isSameAs(memory);

    registry.removeCheckpointStorage(memory);
    assertThat(registry.services().checkpointStorage()).isSameAs(fs);
    registry.removeCheckpointStorage(fs);
    assertThat(registry.services().checkpointStorage()).isNull();
  }

  @Test
  void describeShowsConfiguredSelectedAndAvailableNames() {
    registry.addStateBackend(rocksdb, TestBackend.properties("rocksdb", 0, 2));
    registry.addStateBackend(heap, TestBackend.properties("heap", 0, 1));
    registry.addCheckpointStorage(
        proxy(CheckpointStorage.class, "fs"),
        Map.of(CheckpointStorage.NAME_PROPERTY, "fs", "service.id", 3L));
    activate("memory");

    assertThat(registry.describe())
        .isEqualTo(
            new Backends("memory", "heap", List.of("heap", "rocksdb"), "fs", "fs", List.of("fs")));
    assertThat(registry.stateBackendNamed("rocksdb")).containsSame(rocksdb);
    assertThat(registry.stateBackendNamed("memory")).isEmpty();
  }

  @Test
  void aJobMovesThroughASavepointWhileItsBackendIsRegisteredElseFromItsLatestCheckpoint() {
    assertThat(BackendSwitcher.kindOf(heap, rocksdb, true)).isEqualTo(MoveKind.SAVEPOINT);
    assertThat(BackendSwitcher.kindOf(rocksdb, heap, false))
        .isEqualTo(MoveKind.OFF_DEPARTING_BACKEND);
    assertThat(BackendSwitcher.kindOf(heap, heap, true)).isEqualTo(MoveKind.NONE);
    assertThat(BackendSwitcher.kindOf(null, heap, true)).isEqualTo(MoveKind.NONE);
    assertThat(BackendSwitcher.kindOf(heap, null, true)).isEqualTo(MoveKind.NONE);
    // same name, other object (the bundle was updated): the old one is gone
    assertThat(BackendSwitcher.kindOf(rocksdb, new TestBackend("rocksdb"), false))
        .isEqualTo(MoveKind.OFF_DEPARTING_BACKEND);
  }

  /** A service whose only working method is name(). */
  private static <T> T proxy(Class<T> type, String name) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                switch (method.getName()) {
                  case "name", "toString" -> name;
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                }));
  }
}
