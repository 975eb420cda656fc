package io.sluice.bench.common.hotpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.typeutils.internal.RecordSerializer;
import io.sluice.api.typeutils.internal.SerializerDerivation;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HotPathRecordsTest {

  @Test
  void aTradeDependsOnlyOnItsIndexAndUsesEveryValueOfItsFields() {
    Set<Venue> venues = new HashSet<>();
    Set<String> symbols = new HashSet<>();
    Set<Boolean> sides = new HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      Trade trade = Trade.of(i);
      assertThat(Trade.of(i)).isEqualTo(trade);
      assertThat(trade.id()).isEqualTo(i);
      assertThat(trade.quantity()).isBetween(1, 1024);
      venues.add(trade.venue());
      symbols.add(trade.symbol());
      sides.add(trade.buy());
    }
    assertThat(venues).containsExactlyInAnyOrder(Venue.values());
    assertThat(symbols).hasSize(12);
    assertThat(sides).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void foldingATradeDependsOnEveryField() {
    Trade t = Trade.of(42);
    Set<Long> folds = new HashSet<>();
    folds.add(t.fold());
    folds.add(withAccount(t, new Account(t.account().id(), "other")).fold());
    folds.add(withAccount(t, new Account(t.account().id() + 1, t.account().desk())).fold());
    folds.add(
        new Trade(
                t.id(),
                t.quantity(),
                t.price() + 0.01,
                t.symbol(),
                t.buy(),
                t.venue(),
                t.timestamp(),
                t.account())
            .fold());
    folds.add(
        new Trade(
                t.id(),
                t.quantity(),
                t.price(),
                t.symbol(),
                !t.buy(),
                t.venue(),
                t.timestamp(),
                t.account())
            .fold());
    assertThat(folds).hasSize(5);
  }

  /** Flink must not fall back to Kryo anywhere in the records it ships or keeps in state. */
  @ParameterizedTest
  @ValueSource(classes = {Trade.class, Account.class, WindowSum.class, CountSum.class})
  void flinkSerializesTheRecordsAsPojosWithoutKryo(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    assertNoGenericField((CompositeType<?>) info);
  }

  @Test
  void sluiceSerializesATradeWithItsRecordSerializer() {
    assertThat(SerializerDerivation.derive(Trade.class)).isInstanceOf(RecordSerializer.class);
  }

  private static void assertNoGenericField(CompositeType<?> type) {
    for (int i = 0; i < type.getArity(); i++) {
      TypeInformation<?> field = type.getTypeAt(i);
      assertThat(field).as(type + " field " + i).isNotInstanceOf(GenericTypeInfo.class);
      if (field instanceof CompositeType<?> nested) {
        assertNoGenericField(nested);
      }
    }
  }

  private static Trade withAccount(Trade t, Account account) {
    return new Trade(
        t.id(), t.quantity(), t.price(), t.symbol(), t.buy(), t.venue(), t.timestamp(), account);
  }
}
