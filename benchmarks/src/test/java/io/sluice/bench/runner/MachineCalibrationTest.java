package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCalibrationTest {

  @Test
  void aMachineAsFastAsTheReferenceOrFasterRunsThePlanAsItIs() {
    double reference = MachineCalibration.REFERENCE_RECORDS_PER_SECOND;
    assertThat(MachineCalibration.of(reference, 0.5).scale()).isEqualTo(1.0);
    assertThat(MachineCalibration.of(3 * reference, 0.5).scale()).isEqualTo(1.0);
  }

  @Test
  void aSlowerMachineGetsItsShareOfTheRecordsDownToThePlansFloor() {
    double reference = MachineCalibration.REFERENCE_RECORDS_PER_SECOND;
    assertThat(MachineCalibration.of(reference * 0.6, 0.5).scale()).isEqualTo(0.6);
    assertThat(MachineCalibration.of(reference * 0.05, 0.5).scale()).isEqualTo(0.5);
    assertThat(MachineCalibration.of(reference * 0.05, Plan.quick().minRecordScale()).scale())
        .isEqualTo(1.0);
  }

  @Test
  void theReportSaysWhetherAndWhyRecordsWereScaled() {
    assertThat(MachineCalibration.of(4.8e6, 0.25).describe())
        .contains("scaled by 0.40")
        .contains("4.80 M events/s here");
    assertThat(MachineCalibration.none("--no-scale").describe())
        .contains("as planned (--no-scale)");
    assertThat(MachineCalibration.none("--no-scale").scale()).isEqualTo(1.0);
  }
}
