package io.sluice.api.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TupleTest {

  @Test
  void hashCodeOfStringsAndBoxesIsAFixedFunctionOfTheirValues() {
    // 31 * (31 * 1 + "a".hashCode()) + Long.hashCode(1) = 31 * (31 + 97) + 1
    assertThat(Tuple2.of("a", 1L).hashCode()).isEqualTo(3969);
    assertThat(Tuple3.of("x", 2, null).hashCode())
        .isEqualTo(Arrays.asList("x", 2, null).hashCode());
    assertThat(Tuple5.of(1, 2, 3, 4, 5).hashCode())
        .isEqualTo(Arrays.asList(1, 2, 3, 4, 5).hashCode());
  }

  @Test
  void equalityComparesFieldsAndArityIncludingArrayContents() {
    assertThat(Tuple2.of("a", 1)).isEqualTo(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of("a", 2));
    assertThat(Tuple3.of("a", 1, null)).isEqualTo(Tuple3.of("a", 1, null));
    assertThat(Tuple2.of(new byte[] {1, 2}, "k"))
        .isEqualTo(Tuple2.of(new byte[] {1, 2}, "k"))
        .hasSameHashCodeAs(Tuple2.of(new byte[] {1, 2}, "k"));
    assertThat((Object) Tuple2.of(1, 2)).isNotEqualTo(Tuple3.of(1, 2, null));
  }

  @Test
  void toStringIsParenthesizedCommaSeparatedFields() {
    assertThat(Tuple2.of("word", 3L)).hasToString("(word,3)");
    assertThat(Tuple4.of(null, 1.5, new int[] {1, 2}, "z")).hasToString("(null,1.5,[1, 2],z)");
  }

  @Test
  void fieldsArePublicMutableAndReachableByPosition() {
    Tuple3<String, Integer, Long> tuple = new Tuple3<>();
    tuple.f0 = "a";
    tuple.setField(1, 7);
    tuple.setField(2, 9L);

    assertThat(tuple.arity()).isEqualTo(3);
    assertThat((String) tuple.getField(0)).isEqualTo("a");
    assertThat(tuple.f1).isEqualTo(7);
    assertThat(tuple.f2).isEqualTo(9L);
    assertThatThrownBy(() -> tuple.getField(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void newInstanceCreatesTheTupleOfEachArity() {
    for (int arity = 2; arity <= Tuple.MAX_ARITY; arity++) {
      Tuple tuple = Tuple.newInstance(arity);
      assertThat(tuple.arity()).isEqualTo(arity);
      assertThat(tuple.getClass()).isEqualTo(Tuple.classOfArity(arity));
    }
    assertThatThrownBy(() -> Tuple.newInstance(6)).isInstanceOf(IllegalArgumentException.class);
  }
}
