package io.sluice.testkit.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.operators.TwoInputStreamOperator;
import io.sluice.spi.state.KeyedStateBackend;
import java.lang.reflect.Type;

/**
 * Tests a {@link TwoInputStreamOperator} on two streams keyed the same way (as after {@code
 * a.connect(b).keyBy(ka, kb)}): each input's key selector sets the current key before its elements,
 * and both inputs share the keyed state and timers of that key.
 */
public class KeyedTwoInputOperatorHarness<K, IN1, IN2, OUT>
    extends TwoInputOperatorHarness<IN1, IN2, OUT> {

  public KeyedTwoInputOperatorHarness(
      TwoInputStreamOperator<IN1, IN2, OUT> operator,
      KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2,
      Type keyType) {
    super(operator, keySelector1, keySelector2, allKeyGroups(keyType, operator));
  }

  /** Makes {@code key} current, to read keyed state through {@link #getKeyedStateBackend()}. */
  public void setCurrentKey(K key) {
    keyedBackend().setCurrentKey(key);
  }

  @SuppressWarnings("unchecked")
  public K getCurrentKey() {
    return (K) keyedBackend().getCurrentKey();
  }

  @SuppressWarnings("unchecked")
  public KeyedStateBackend<K> getKeyedStateBackend() {
    return (KeyedStateBackend<K>) (KeyedStateBackend<?>) keyedBackend();
  }
}
