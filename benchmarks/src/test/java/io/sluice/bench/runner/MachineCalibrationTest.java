package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCalibrationTest {

  @Test
  void aMachineAsFastAsTheReferenceOrFasterRunsThePlanAsItIs() {
    assertThat(MachineCalibration.of(MachineCalibration.REFERENCE_RECORDS_PER_SECOND).scale())
        .isEqualTo(1.0);
    assertThat(MachineCalibration.of(3 * MachineCalibration.REFERENCE_RECORDS_PER_SECOND).scale())
        .isEqualTo(1.0);
  }

  @Test
  void aSlowerMachineGetsItsShareOfTheRecordsDownToAQuarter() {
    double reference = MachineCalibration.REFERENCE_RECORDS_PER_SECOND;
    assertThat(MachineCalibration.of(reference * 0.4).scale()).isEqualTo(0.4);
    assertThat(MachineCalibration.of(reference * 0.05).scale())
        .isEqualTo(MachineCalibration.MIN_SCALE);
  }

  @Test
  void theReportSaysWhetherAndWhyRecordsWereScaled() {
    assertThat(MachineCalibration.of(3.2e6).describe())
        .contains("scaled by 0.40")
        .contains("3.20 M events/s here");
    assertThat(MachineCalibration.none().describe()).contains("--no-scale");
    assertThat(MachineCalibration.none().scale()).isEqualTo(1.0);
  }
}
