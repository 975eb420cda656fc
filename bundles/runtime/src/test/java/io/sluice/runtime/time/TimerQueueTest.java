package io.sluice.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

  @Test
  void pollsByTimeThenRegistrationOrderAndKeepsEachKeyAndTimeOnce() {
    TimerQueue<String> queue = new TimerQueue<>();
    assertThat(queue.add(30, "a", null)).isTrue();
    assertThat(queue.add(10, "b", null)).isTrue();
    assertThat(queue.add(30, "c", null)).isTrue();
    assertThat(queue.add(10, "a", null)).isTrue();
    assertThat(queue.add(30, "a", null)).isFalse();
    assertThat(queue.add(20, "b", null)).isTrue();

    assertThat(queue.size()).isEqualTo(5);
    assertThat(drain(queue)).containsExactly("10:b", "10:a", "20:b", "30:a", "30:c");
    assertThat(queue.poll()).isNull();
    assertThat(queue.peek()).isNull();
  }

  @Test
  void removesATimerFromTheMiddleAndKeepsTheOrderOfTheRest() {
    TimerQueue<Integer> queue = new TimerQueue<>();
    for (int i = 0; i < 20; i++) {
      queue.add(100 - i * 3, i, null);
    }
    assertThat(queue.remove(100 - 7 * 3, 7, null)).isTrue();
    assertThat(queue.remove(100 - 7 * 3, 7, null)).isFalse();
    assertThat(queue.remove(100 - 8 * 3, 9, null)).isFalse(); // right time, other key
    assertThat(queue.remove(43, 19, null)).isTrue(); // the earliest one

    List<String> expected = new ArrayList<>();
    for (int i = 18; i >= 0; i--) {
      if (i != 7) {
        expected.add((100 - i * 3) + ":" + i);
      }
    }
    assertThat(drain(queue)).containsExactlyElementsOf(expected);
  }

  @Test
  void aTimerCanBeAddedAgainAfterItFiredOrWasRemoved() {
    TimerQueue<String> queue = new TimerQueue<>();
    queue.add(5, "k", null);
    assertThat(queue.poll().time).isEqualTo(5);
    assertThat(queue.add(5, "k", null)).isTrue();
    assertThat(queue.remove(5, "k", null)).isTrue();
    assertThat(queue.add(5, "k", null)).isTrue();
    assertThat(drain(queue)).containsExactly("5:k");
  }

  @Test
  void keepsTimersOfOneKeyAndTimeApartByNamespace() {
    TimerQueue<String> queue = new TimerQueue<>();
    assertThat(queue.add(10, "k", "w1")).isTrue();
    assertThat(queue.add(10, "k", "w2")).isTrue();
    assertThat(queue.add(10, "k", null)).isTrue();
    assertThat(queue.add(10, "k", "w1")).isFalse();
    assertThat(queue.add(5, "k", "w2")).isTrue();
    assertThat(queue.remove(10, "k", "w2")).isTrue();
    assertThat(queue.remove(10, "k", "w3")).isFalse();

    List<String> fired = new ArrayList<>();
    TimerQueue.Timer<String> timer;
    while ((timer = queue.poll()) != null) {
      fired.add(timer.time + ":" + timer.key + ":" + timer.namespace);
    }
    assertThat(fired).containsExactly("5:k:w2", "10:k:w1", "10:k:null");
  }

  @Test
  void rejectsANullKey() {
    assertThatThrownBy(() -> new TimerQueue<String>().add(1, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("a timer needs a key");
  }

  /** Random adds, deletes and polls against a plain list kept sorted by (time, first added). */
  @Test
  void agreesWithASortedListUnderRandomOperations() {
    Random random = new Random(7);
    agreesWithASortedList(random, step -> random.nextInt(200));
  }

  /**
   * The same with times that mostly grow, as a window operator's do (timers added in firing order
   * skip the heap), but now and then go back, so that both the heap and the in-order run hold
   * timers and the earlier of the two must fire first.
   */
  @Test
  void agreesWithASortedListWhenTimesMostlyGrow() {
    Random random = new Random(11);
    agreesWithASortedList(
        random, step -> step / 50 + (random.nextInt(10) == 0 ? -random.nextInt(30) : 0));
  }

  @Test
  void timersInFiringOrderFireByTimeThenRegistrationAcrossTheRunAndTheHeap() {
    TimerQueue<String> queue = new TimerQueue<>();
    queue.add(10, "a", null); // in order: the run
    queue.add(20, "b", null);
    queue.add(20, "c", null);
    queue.add(15, "d", null); // earlier than the last: the heap
    queue.add(20, "e", null); // in order again
    queue.add(10, "f", null); // heap, after a at the same time
    assertThat(queue.remove(20, "c", null)).isTrue();

    assertThat(queue.inFiringOrder())
        .extracting(timer -> timer.time + ":" + timer.key)
        .containsExactly("10:a", "10:f", "15:d", "20:b", "20:e");
    assertThat(drain(queue)).containsExactly("10:a", "10:f", "15:d", "20:b", "20:e");
    assertThat(queue.size()).isZero();
  }

  @Test
  void pollDueTakesOnlyTimersAtOrBeforeTheGivenTime() {
    TimerQueue<String> queue = new TimerQueue<>();
    queue.add(20, "b", null);
    queue.add(10, "a", null);
    assertThat(queue.pollDue(9)).isNull();
    assertThat(queue.pollDue(10).key).isEqualTo("a");
    assertThat(queue.pollDue(19)).isNull();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.pollDue(20).key).isEqualTo("b");
    assertThat(queue.pollDue(Long.MAX_VALUE)).isNull();
  }

  @Test
  void firedAndDeletedTimersLetGoOfTheirKeysAndNamespaces() throws InterruptedException {
    TimerQueue<Object> queue = new TimerQueue<>();
    Object fired = new Object();
    Object deleted = new Object();
    Object window = new Object();
    Object pending = new Object();
    queue.add(1, fired, null);
    queue.add(2, deleted, window);
    queue.add(3, pending, null);
    WeakReference<Object> firedRef = new WeakReference<>(fired);
    WeakReference<Object> deletedRef = new WeakReference<>(deleted);
    WeakReference<Object> windowRef = new WeakReference<>(window);
    assertThat(queue.poll().key).isSameAs(fired);
    assertThat(queue.remove(2, deleted, window)).isTrue();
    fired = null;
    deleted = null;
    window = null;
    for (int i = 0; i < 50 && !allCleared(firedRef, deletedRef, windowRef); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(allCleared(firedRef, deletedRef, windowRef)).isTrue();
    assertThat(queue.poll().key).isSameAs(pending);
  }

  private static boolean allCleared(WeakReference<?>... references) {
    for (WeakReference<?> reference : references) {
      if (reference.get() != null) {
        return false;
      }
    }
    return true;
  }

  private static void agreesWithASortedList(
      Random random, java.util.function.IntUnaryOperator times) {
    TimerQueue<Integer> queue = new TimerQueue<>();
    List<long[]> model = new ArrayList<>(); // {time, key, sequence}
    long sequence = 0;
    for (int step = 0; step < 20_000; step++) {
      long time = times.applyAsInt(step);
      int key = random.nextInt(20);
      int operation = random.nextInt(10);
      if (step % 1000 == 0) {
        model.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        assertThat(queue.inFiringOrder())
            .extracting(timer -> timer.time + ":" + timer.key)
            .containsExactlyElementsOf(model.stream().map(t -> t[0] + ":" + t[1]).toList());
      }
      if (operation < 5) {
        boolean present = indexOf(model, time, key) >= 0;
        assertThat(queue.add(time, key, null)).isEqualTo(!present);
        if (!present) {
          model.add(new long[] {time, key, sequence++});
        }
      } else if (operation < 8) {
        int index = indexOf(model, time, key);
        assertThat(queue.remove(time, key, null)).isEqualTo(index >= 0);
        if (index >= 0) {
          model.remove(index);
        }
      } else {
        model.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        TimerQueue.Timer<Integer> polled = queue.poll();
        if (model.isEmpty()) {
          assertThat(polled).isNull();
        } else {
          long[] first = model.remove(0);
          assertThat(polled.time).isEqualTo(first[0]);
          assertThat(polled.key).isEqualTo((int) first[1]);
        }
      }
      assertThat(queue.size()).isEqualTo(model.size());
    }
  }

  private static int indexOf(List<long[]> model, long time, int key) {
    for (int i = 0; i < model.size(); i++) {
      if (model.get(i)[0] == time && model.get(i)[1] == key) {
        return i;
      }
    }
    return -1;
  }

  private static <K> List<String> drain(TimerQueue<K> queue) {
    List<String> fired = new ArrayList<>();
    TimerQueue.Timer<K> timer;
    while ((timer = queue.poll()) != null) {
      fired.add(timer.time + ":" + timer.key);
    }
    return fired;
  }
}
