package io.sluice.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.common.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's scenario on a small state: every phase runs and the measurements add up. */
class CheckpointScenarioTest {
  @TempDir Path work;

  @Test
  void measuresEveryBackendAndSwapOnTheRunningJob() throws Exception {
    int keys = 2_000;
    Map<String, Object> r =
        Json.parseFlatObject(new CheckpointScenario(keys, 3, 5, 16, work).run().toString());

    // 2,000 keys, then 100 changed keys before the 2nd and 3rd checkpoint of each of 4 backends
    assertThat(r.get("changedKeysPerCheckpoint")).isEqualTo(100L);
    assertThat(r.get("recordsProcessed")).isEqualTo(2_000L + 4 * 2 * 100);
    // The canonical format does not depend on the backend: heap and RocksDB write the same keyed
    // bytes, and every canonical checkpoint writes all it lists.
    long canonical = (Long) r.get("heap.ckpt1.keyedBytes");
    assertThat(canonical).isPositive();
    for (String key :
        new String[] {
          "heap.ckpt3.keyedBytes", "rocksdbFull.ckpt1.keyedBytes", "rocksdbFull.ckpt3.keyedBytes"
        }) {
      assertThat(r.get(key)).as(key).isEqualTo(canonical);
    }
    assertThat(r.get("rocksdbFull.ckpt2.writtenBytes"))
        .isEqualTo(r.get("rocksdbFull.ckpt2.totalBytes"));
    assertThat((Long) r.get("heap.ckpt1.totalBytes")).isGreaterThan(canonical);
    // A full native checkpoint uploads every file it lists, each time.
    for (int i = 1; i <= 3; i++) {
      String prefix = "rocksdbNative.ckpt" + i + ".";
      assertThat((Long) r.get(prefix + "totalBytes")).as(prefix).isPositive();
      assertThat(r.get(prefix + "writtenBytes")).as(prefix).isEqualTo(r.get(prefix + "totalBytes"));
    }
    assertThat(r.get("swap.rocksdbToNative.to")).isEqualTo("rocksdb");
    // The first incremental checkpoint uploads everything; the next ones reference its SST files
    // (at this size the MANIFEST and OPTIONS files they rewrite weigh as much as the new SSTs).
    long firstUpload = (Long) r.get("rocksdbIncremental.ckpt1.writtenBytes");
    assertThat(r.get("rocksdbIncremental.ckpt1.totalBytes")).isEqualTo(firstUpload);
    long total2 = (Long) r.get("rocksdbIncremental.ckpt2.totalBytes");
    assertThat(total2).isGreaterThan(firstUpload);
    assertThat((Long) r.get("rocksdbIncremental.ckpt2.writtenBytes")).isLessThan(total2);
    assertThat(r.get("swap.heapToRocksdb.from")).isEqualTo("heap");
    assertThat(r.get("swap.heapToRocksdb.to")).isEqualTo("rocksdb");
    assertThat(r.get("swap.rocksdbToHeap.from")).isEqualTo("rocksdb");
    assertThat(r.get("swap.rocksdbToHeap.to")).isEqualTo("heap");
    assertThat((Double) r.get("heap.ckpt1.syncMs")).isGreaterThan(0);
    assertThat((Double) r.get("rocksdbIncremental.ckpt2.asyncMs")).isGreaterThan(0);
  }

  @Test
  void refusesSettingsThatMeasureNothing() {
    assertThatThrownBy(() -> new CheckpointScenario(10, 3, 1, 16, work))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 100 keys");
    assertThatThrownBy(() -> new CheckpointScenario(1_000, 3, 0, 16, work))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
