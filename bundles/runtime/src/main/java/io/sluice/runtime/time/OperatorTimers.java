package io.sluice.runtime.time;

import io.sluice.api.operators.InternalTimerService;
import io.sluice.api.operators.NamespacedTimerService;
import io.sluice.api.operators.NamespacedTriggerable;
import io.sluice.api.operators.Triggerable;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.KeyedStateBackend;
import java.util.function.Consumer;

/**
 * The timers of one operator: its {@link KeyedTimerService}, created on the operator's first
 * request in the mode it asks for (plain or with namespaces) and then restored once from the
 * operator's checkpointed timers. Both the runtime's operator handle and the testkit's harness
 * offer operators their timers through it. Confined to the task thread.
 */
public final class OperatorTimers {
  private final KeyedStateBackend<Object> backend;
  private final ProcessingTimeService clock;
  private final Consumer<Runnable> mailbox;
  private final Consumer<KeyedTimerService<Object>> restore;
  private final String notKeyed;
  private KeyedTimerService<Object> timers;

  /**
   * @param backend the operator's keyed backend, or null if it is not keyed (then asking for timers
   *     fails with {@code notKeyed})
   * @param restore registers checkpointed timers in a service just created
   * @param notKeyed the error message for a non-keyed operator asking for timers
   */
  public OperatorTimers(
      KeyedStateBackend<Object> backend,
      ProcessingTimeService clock,
      Consumer<Runnable> mailbox,
      Consumer<KeyedTimerService<Object>> restore,
      String notKeyed) {
    this.backend = backend;
    this.clock = clock;
    this.mailbox = mailbox;
    this.restore = restore;
    this.notKeyed = notKeyed;
  }

  /** The timer service of an operator whose timers carry no namespace. */
  @SuppressWarnings("unchecked")
  public <K> InternalTimerService<K> plain(Triggerable<K> target) {
    if (timers == null) {
      created(
          KeyedTimerService.withoutNamespaces(
              requireKeyed(), (Triggerable<Object>) target, clock, mailbox));
    }
    return (InternalTimerService<K>) timers.plainTimers();
  }

  /** The timer service of an operator whose timers carry a namespace (windows). */
  @SuppressWarnings("unchecked")
  public <K, N> NamespacedTimerService<K, N> namespaced(
      NamespacedTriggerable<K, N> target, TypeSerializer<N> namespaceSerializer) {
    if (timers == null) {
      created(
          KeyedTimerService.withNamespaces(
              requireKeyed(),
              (NamespacedTriggerable<Object, N>) target,
              namespaceSerializer,
              clock,
              mailbox));
    }
    return (NamespacedTimerService<K, N>) timers;
  }

  /** The service, or null while the operator has not asked for timers. */
  public KeyedTimerService<Object> orNull() {
    return timers;
  }

  private void created(KeyedTimerService<Object> service) {
    timers = service;
    restore.accept(service);
  }

  private KeyedStateBackend<Object> requireKeyed() {
    if (backend == null) {
      throw new UnsupportedOperationException(notKeyed);
    }
    return backend;
  }
}
