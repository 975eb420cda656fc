package io.sluice.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroTableTest {
  private static final String PKG = "io.sluice.bench.micro.";

  @Test
  void pairsEnginesByClassAndMethodNameWithoutTheEngine() {
    List<MicroTable.Row> rows =
        MicroTable.pair(
            List.of(
                result("SerializerBenchmark.sluiceLong", 1),
                result("SluiceRocksDbStateBenchmark.sluiceValueState", 2),
                result("SerializerBenchmark.flinkLong", 3),
                result("SubpartitionHandOffBenchmark.sluiceEmitToConsumerThread", 4),
                result("FlinkRocksDbStateBenchmark.flinkValueState", 5)));

    assertThat(rows)
        .extracting(MicroTable.Row::name)
        .containsExactly(
            "Serializer.long",
            "RocksDbState.valueState",
            "SubpartitionHandOff.emitToConsumerThread");
    assertThat(rows.get(0).sluice().score()).isEqualTo(1);
    assertThat(rows.get(0).flink().score()).isEqualTo(3);
    assertThat(rows.get(1).sluice().score()).isEqualTo(2);
    assertThat(rows.get(1).flink().score()).isEqualTo(5);
    assertThat(rows.get(2).flink()).isNull();
  }

  @Test
  void rendersScoresErrorsNanosPerOperationAndTheThroughputRatio() {
    String markdown =
        MicroTable.markdown(
            List.of(
                new MicroResult(PKG + "SerializerBenchmark.sluiceLong", 40_000_000, 1_500_000.4),
                new MicroResult(PKG + "SerializerBenchmark.flinkLong", 20_000_000, Double.NaN),
                new MicroResult(PKG + "SubpartitionHandOffBenchmark.sluiceEmit", 2_000_000, 10)));

    assertThat(markdown)
        .isEqualTo(
            """
            | case | Sluice ops/s | Flink ops/s | Sluice ns/op | Flink ns/op | Sluice/Flink |
            |---|---:|---:|---:|---:|---:|
            | `Serializer.long` | 40,000,000 ± 1,500,000 | 20,000,000 | 25.0 | 50.0 | 2.00x |
            | `SubpartitionHandOff.emit` | 2,000,000 ± 10 | – | 500.0 | – | – |
            """);
  }

  @Test
  void refusesAMethodThatDoesNotNameItsEngine() {
    assertThatThrownBy(() -> MicroTable.pair(List.of(result("SerializerBenchmark.roundTrip", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roundTrip");
  }

  @Test
  void resultsSurviveTheTsvTripBetweenJvms() {
    MicroResult result =
        new MicroResult(PKG + "BufferPoolBenchmark.flinkRequestRecycle", 1.5e7, 2.25e5);

    assertThat(MicroResult.fromTsv(result.toTsv())).isEqualTo(result);
  }

  private static MicroResult result(String benchmark, double score) {
    return new MicroResult(PKG + benchmark, score, Double.NaN);
  }
}
