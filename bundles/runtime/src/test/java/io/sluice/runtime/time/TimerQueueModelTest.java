package io.sluice.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link TimerQueue} against a model: every add, delete and poll agrees with a plain map of the
 * pending (time, key, namespace) triples, across growth of the heap and the run.
 */
class TimerQueueModelTest {

  @Test
  void agreesWithAMapOfPendingTimersUnderRandomAddsDeletesAndPolls() {
    TimerQueue<Integer> queue = new TimerQueue<>();
    Map<String, Long> pending = new HashMap<>();
    TreeMap<Long, Integer> pendingPerTime = new TreeMap<>();
    Random random = new Random(42);
    for (int step = 0; step < 50_000; step++) {
      long time = random.nextInt(500);
      int key = random.nextInt(300);
      String namespace = random.nextInt(4) == 0 ? null : "w" + random.nextInt(3);
      String id = time + "/" + key + "/" + namespace;
      int action = random.nextInt(10);
      if (action < 5) {
        boolean added = pending.putIfAbsent(id, time) == null;
        assertThat(queue.add(time, key, namespace)).isEqualTo(added);
        if (added) {
          pendingPerTime.merge(time, 1, Integer::sum);
        }
      } else if (action < 8) {
        boolean removed = pending.remove(id) != null;
        assertThat(queue.remove(time, key, namespace)).isEqualTo(removed);
        if (removed) {
          pendingPerTime.merge(time, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
      } else {
        TimerQueue.Timer<Integer> first = queue.poll();
        if (first == null) {
          assertThat(pending).isEmpty();
        } else {
          assertThat(first.time).isEqualTo(pendingPerTime.firstKey());
          assertThat(pending.remove(first.time + "/" + first.key + "/" + first.namespace))
              .isNotNull();
          pendingPerTime.merge(first.time, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
      }
      assertThat(queue.size()).isEqualTo(pending.size());
    }
    List<String> rest = new ArrayList<>();
    TimerQueue.Timer<Integer> timer;
    while ((timer = queue.poll()) != null) {
      rest.add(timer.time + "/" + timer.key + "/" + timer.namespace);
    }
    assertThat(rest).containsExactlyInAnyOrderElementsOf(pending.keySet());
  }

  @Test
  void keysWhoseHashCodesCollideStayApart() {
    TimerQueue<Colliding> queue = new TimerQueue<>();
    for (int i = 0; i < 1_000; i++) {
      assertThat(queue.add(7, new Colliding(i), null)).isTrue();
    }
    for (int i = 0; i < 1_000; i += 2) {
      assertThat(queue.remove(7, new Colliding(i), null)).isTrue();
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(queue.add(7, new Colliding(i), null)).isEqualTo(i % 2 == 0);
    }
    assertThat(queue.size()).isEqualTo(1_000);
  }

  /** A key whose hash code is the same for every value. */
  private record Colliding(int value) {
    @Override
    public int hashCode() {
      return 1;
    }
  }
}
