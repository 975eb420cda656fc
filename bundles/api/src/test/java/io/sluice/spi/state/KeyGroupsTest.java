package io.sluice.spi.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyGroupsTest {

  @Test
  void theKeyGroupIsTheMurmurMixModuloTheMaxParallelismForPowersOfTwoAndOthers() {
    int[] maxParallelisms = {1, 2, 7, 100, 128, 1000, 1024, 32768};
    for (int maxParallelism : maxParallelisms) {
      for (int hash = -50_000; hash <= 50_000; hash += 7) {
        int expected = (KeyGroups.murmurMix(hash) & 0x7fffffff) % maxParallelism;
        assertThat(KeyGroups.computeKeyGroupForKeyHash(hash, maxParallelism))
            .as("hash %d, max parallelism %d", hash, maxParallelism)
            .isEqualTo(expected);
      }
      for (int hash : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0}) {
        assertThat(KeyGroups.computeKeyGroupForKeyHash(hash, maxParallelism))
            .isEqualTo((KeyGroups.murmurMix(hash) & 0x7fffffff) % maxParallelism);
      }
    }
  }

  @Test
  void keyGroupsAreStableAcrossVersions() {
    // Values computed with the remainder-only implementation: snapshots store state by key group,
    // so the assignment must never change.
    assertThat(KeyGroups.assignToKeyGroup(0L, 128)).isEqualTo(94);
    assertThat(KeyGroups.assignToKeyGroup(42L, 128)).isEqualTo(99);
    assertThat(KeyGroups.assignToKeyGroup(9999L, 128)).isEqualTo(110);
    assertThat(KeyGroups.assignToKeyGroup("user-7", 100)).isEqualTo(7);
    assertThat(KeyGroups.assignToKeyGroup(-5, 1024)).isEqualTo(848);
  }
}
