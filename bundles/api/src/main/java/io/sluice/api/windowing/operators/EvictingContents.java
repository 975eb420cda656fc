package io.sluice.api.windowing.operators;

import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.windowing.evictors.TimestampedValue;
import java.util.List;

/**
 * Window contents with an evictor: every element with its timestamp; the window's result is folded
 * from the elements the evictor left, when the window fires.
 */
final class EvictingContents<IN, F, V>
    implements WindowContents<IN, List<TimestampedValue<IN>>, V> {
  private static final long serialVersionUID = 1L;
  private final WindowContents<IN, F, V> fold;

  EvictingContents(WindowContents<IN, F, V> fold) {
    this.fold = fold;
  }

  @Override
  public List<TimestampedValue<IN>> add(
      List<TimestampedValue<IN>> accumulator, IN value, long timestamp) {
    List<TimestampedValue<IN>> list = BufferingContents.mutable(accumulator);
    list.add(new TimestampedValue<>(value, timestamp));
    return list;
  }

  @Override
  public List<TimestampedValue<IN>> merge(
      List<TimestampedValue<IN>> a, List<TimestampedValue<IN>> b) {
    List<TimestampedValue<IN>> list = BufferingContents.mutable(a);
    list.addAll(b);
    return list;
  }

  @Override
  public Iterable<V> results(List<TimestampedValue<IN>> accumulator) throws Exception {
    F folded = null;
    for (TimestampedValue<IN> element : accumulator) {
      folded = fold.add(folded, element.value(), element.timestamp());
    }
    return folded == null ? List.of() : fold.results(folded);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    fold.open(context);
  }

  @Override
  public void close() throws Exception {
    fold.close();
  }
}
