package io.sluice.testkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import io.sluice.runtime.checkpoint.TimerFormat;
import io.sluice.runtime.time.KeyedTimerService;
import io.sluice.spi.state.KeyGroupRange;
import io.sluice.spi.state.KeyGroups;
import io.sluice.spi.state.KeyedStateBackend;
import io.sluice.spi.state.KeyedStateBackendParameters;
import io.sluice.state.heap.HeapStateBackend;
import io.sluice.testkit.harness.ManualProcessingTimeService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timer snapshots: namespaces survive a checkpoint, and snapshots without them still restore. */
class TimerFormatTest {
  private static final int MAX_PARALLELISM = 128;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final TypeSerializer<String> STRINGS = TypeSerializers.forClass(String.class);

  private final List<String> fired = new ArrayList<>();

  @Test
  void namespacedTimersComeBackWithTheirNamespaces() throws Exception {
    KeyedTimerService<String> before = namespaced();
    register(before, "a", "w1", 10);
    register(before, "a", "w2", 10);
    register(before, "b", "w1", 20);
    byte[] snapshot = TimerFormat.write(before, STRINGS, MAX_PARALLELISM);

    KeyedTimerService<String> after = namespaced();
    assertThat(TimerFormat.restore(snapshot, after, STRINGS, ALL, "test")).isEqualTo(3);
    after.advanceWatermark(20);

    assertThat(fired).containsExactly("a/w1@10", "a/w2@10", "b/w1@20");
  }

  /** The format before namespaces: magic "SLTM", count, then group, domain, time and key. */
  @Test
  void aSnapshotWrittenBeforeNamespacesRestoresItsTimersWithoutNamespace() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(0x534c544d);
    out.writeInt(1);
    out.writeShort(KeyGroups.assignToKeyGroup("a", MAX_PARALLELISM));
    out.writeBoolean(true);
    out.writeLong(30);
    STRINGS.serialize("a", out);

    KeyedTimerService<String> timers = namespaced();
    assertThat(TimerFormat.restore(out.copyOfBuffer(), timers, STRINGS, ALL, "v1")).isEqualTo(1);
    timers.advanceWatermark(30);

    assertThat(fired).containsExactly("a/null@30");
  }

  @Test
  void plainTimersStayPlainAndNamespacedOnesDoNotRestoreIntoPlainTimers() throws Exception {
    KeyedStateBackend<String> backend = backend();
    KeyedTimerService<String> plain =
        KeyedTimerService.withoutNamespaces(
            backend, recording(), new ManualProcessingTimeService(0), Runnable::run);
    backend.setCurrentKey("k");
    plain.plainTimers().registerEventTimeTimer(5);
    KeyedTimerService<String> restored =
        KeyedTimerService.withoutNamespaces(
            backend(), recording(), new ManualProcessingTimeService(0), Runnable::run);
    TimerFormat.restore(
        TimerFormat.write(plain, STRINGS, MAX_PARALLELISM), restored, STRINGS, ALL, "plain");
    restored.advanceWatermark(5);
    assertThat(fired).containsExactly("k@5");

    KeyedTimerService<String> withNamespaces = namespaced();
    register(withNamespaces, "k", "w", 7);
    byte[] snapshot = TimerFormat.write(withNamespaces, STRINGS, MAX_PARALLELISM);
    assertThatThrownBy(() -> TimerFormat.restore(snapshot, plain, STRINGS, ALL, "windows"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("windows holds timers with namespaces");
  }

  private KeyedTimerService<String> namespaced() {
    NamespacedTriggerable<String, String> target =
        new NamespacedTriggerable<>() {
          @Override
          public void onEventTime(String key, String namespace, long time) {
            fired.add(key + "/" + namespace + "@" + time);
          }

          @Override
          public void onProcessingTime(String key, String namespace, long time) {
            fired.add("processing " + key + "/" + namespace + "@" + time);
          }
        };
    return KeyedTimerService.withNamespaces(
        backend(), target, STRINGS, new ManualProcessingTimeService(0), Runnable::run);
  }

  private Triggerable<String> recording() {
    return new Triggerable<>() {
      @Override
      public void onEventTime(String key, long time) {
        fired.add(key + "@" + time);
      }

      @Override
      public void onProcessingTime(String key, long time) {
        fired.add("processing " + key + "@" + time);
      }
    };
  }

  private static void register(
      KeyedTimerService<String> timers, String key, String namespace, long time) {
    timers.restoreTimer(true, time, key, namespace);
  }

  private static KeyedStateBackend<String> backend() {
    return new HeapStateBackend()
        .createKeyedStateBackend(
            new KeyedStateBackendParameters<>("job", "timers", 0, STRINGS, ALL, MAX_PARALLELISM));
  }
}
