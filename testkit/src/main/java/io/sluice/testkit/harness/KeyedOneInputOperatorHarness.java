package io.sluice.testkit.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.OneInputStreamOperator;
import io.sluice.spi.state.KeyedStateBackend;
import java.lang.reflect.Type;

/**
 * Tests a keyed {@link OneInputStreamOperator}: before each element the key selector's key becomes
 * the current key of real heap keyed state (all key groups), and per-key timers are available, as
 * after {@code keyBy} in a job.
 *
 * <pre>{@code
 * var harness = new KeyedOneInputOperatorHarness<>(
 *     new KeyedProcessOperator<>(new MyFunction()), Event::user, String.class);
 * }</pre>
 */
public class KeyedOneInputOperatorHarness<K, IN, OUT> extends OneInputOperatorHarness<IN, OUT> {

  /**
   * @param keyType the key's type, for the key serializer the state backend is given
   */
  public KeyedOneInputOperatorHarness(
      OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, K> keySelector, Type keyType) {
    super(operator, keySelector, allKeyGroups(keyType, operator));
  }

  /**
   * Makes {@code key} current, to read the operator's keyed state through {@link
   * #getKeyedStateBackend()} in assertions.
   */
  public void setCurrentKey(K key) {
    keyedBackend().setCurrentKey(key);
  }

  @SuppressWarnings("unchecked")
  public K getCurrentKey() {
    return (K) keyedBackend().getCurrentKey();
  }

  /** The operator's keyed state, scoped to the current key. */
  @SuppressWarnings("unchecked")
  public KeyedStateBackend<K> getKeyedStateBackend() {
    return (KeyedStateBackend<K>) (KeyedStateBackend<?>) keyedBackend();
  }
}
