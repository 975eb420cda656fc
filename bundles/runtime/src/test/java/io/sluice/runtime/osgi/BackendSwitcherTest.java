package io.sluice.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.JobMove;
import io.sluice.platform.SubmitOptions;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.shuffle.ShuffleSettings;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a backend switch counts as done. Moving a deployed job is the job master's part and is
 * covered by the launcher's BackendIT and the Pax Exam StateBackendSwapIT.
 */
class BackendSwitcherTest {
  private final PluginRegistry registry = new PluginRegistry();
  private final List<JobRecord> jobs = new java.util.ArrayList<>();
  private final BackendSwitcher switcher = new BackendSwitcher(registry, () -> List.copyOf(jobs));

  BackendSwitcherTest() {
    registry.addStateBackend(new TestBackend("heap"), TestBackend.properties("heap", 0, 1));
    registry.addStateBackend(new TestBackend("rocksdb"), TestBackend.properties("rocksdb", 0, 2));
    registry.setFixed(
        (ShuffleService)
            Proxy.newProxyInstance(
                ShuffleService.class.getClassLoader(),
                new Class<?>[] {ShuffleService.class},
                (self, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                }),
        ShuffleSettings.defaults(),
        new TaskExecutor("test", 1));
    registry.configure("heap", null);
  }

  @AfterEach
  void close() {
    switcher.close();
  }

  private static List<JobMove> result(CompletableFuture<List<JobMove>> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aWaiterCompletesWithThePassThatRunsOnItsBackendNotAnEarlierOne() throws Exception {
    CompletableFuture<List<JobMove>> toRocksdb = switcher.awaitPass("rocksdb");

    assertThat(result(switcher.reconcile("still heap"))).isEmpty();
    assertThat(toRocksdb).isNotDone();

    registry.configure("rocksdb", null);
    assertThat(result(switcher.reconcile("configured"))).isEmpty();
    assertThat(result(toRocksdb)).isEmpty();
  }

  @Test
  void jobsThatAreNotDeployedAreNotMoved() throws Exception {
    JobRecord created = new JobRecord("job-1", 7, "created", SubmitOptions.of());
    created.backend = registry.stateBackendNamed("heap").orElseThrow();
    JobRecord ended = new JobRecord("job-2", 8, "ended", SubmitOptions.of());
    ended.running();
    ended.end(io.sluice.api.JobStatus.FINISHED, null);
    jobs.addAll(List.of(created, ended));
    registry.configure("rocksdb", null);

    assertThat(result(switcher.reconcile("configured"))).isEmpty();
  }

  @Test
  void aForgottenWaiterIsNotCompletedAndClosingFailsTheRest() {
    CompletableFuture<List<JobMove>> forgotten = switcher.awaitPass("heap");
    CompletableFuture<List<JobMove>> pending = switcher.awaitPass("rocksdb");
    switcher.forget(forgotten);

    switcher.reconcile("heap").join();
    assertThat(forgotten).isNotDone();

    switcher.close();
    assertThatThrownBy(() -> pending.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("the runtime stopped");
    assertThatThrownBy(() -> switcher.reconcile("late").get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("the runtime is stopping");
  }
}
