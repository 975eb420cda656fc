package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple5;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypesTest {

  @Test
  void spelledTypesEqualAndHashLikeTheTypesJavacRecords() {
    Map<Type, Type> spelledToJavac =
        Map.of(
            Types.tuple(Types.STRING, Types.LONG),
            new TypeHint<Tuple2<String, Long>>() {}.getType(),
            Types.list(Types.INT),
            new TypeHint<List<Integer>>() {}.getType(),
            Types.map(Types.STRING, Types.list(Types.DOUBLE)),
            new TypeHint<Map<String, List<Double>>>() {}.getType(),
            Types.set(Types.BOOLEAN),
            new TypeHint<Set<Boolean>>() {}.getType(),
            Types.optional(Types.STRING),
            new TypeHint<Optional<String>>() {}.getType(),
            Types.parameterized(Map.Entry.class, Types.STRING, Types.INT),
            new TypeHint<Map.Entry<String, Integer>>() {}.getType());

    spelledToJavac.forEach(
        (spelled, javac) -> {
          assertThat(spelled).isEqualTo(javac);
          assertThat(javac).isEqualTo(spelled);
          assertThat(spelled.hashCode()).isEqualTo(javac.hashCode());
          assertThat(spelled.getTypeName()).isEqualTo(javac.getTypeName());
        });
  }

  @Test
  void spelledAndJavacTypesFindEachOtherInAHashMap() {
    Map<Type, String> byType = new HashMap<>();
    byType.put(new TypeHint<Tuple5<String, Integer, Long, Double, Boolean>>() {}.getType(), "x");

    assertThat(
            byType.get(
                Types.tuple(Types.STRING, Types.INT, Types.LONG, Types.DOUBLE, Types.BOOLEAN)))
        .isEqualTo("x");
  }

  @Test
  void primitiveArgumentsAreBoxed() {
    ParameterizedType list = (ParameterizedType) Types.list(int.class);

    assertThat(list.getActualTypeArguments()).containsExactly(Integer.class);
  }

  @Test
  void tuplesOutsideTwoToFiveFieldsAndWrongArgumentCountsAreRejected() {
    assertThatThrownBy(() -> Types.tuple(Types.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to 5");
    assertThatThrownBy(() -> Types.parameterized(Map.class, Types.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2 type arguments, got 1");
  }
}
