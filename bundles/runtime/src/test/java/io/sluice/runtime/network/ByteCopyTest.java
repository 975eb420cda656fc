package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteCopyTest {

  @Test
  void copiesExactlyTheRangeForEveryLengthAroundTheWordSizes() {
    byte[] source = new byte[64];
    for (int i = 0; i < source.length; i++) {
      source[i] = (byte) (i * 7 + 1);
    }
    for (int length = 0; length <= 40; length++) {
      for (int from = 0; from < 5; from++) {
        for (int to = 0; to < 5; to++) {
          byte[] target = new byte[64];
          Arrays.fill(target, (byte) -1);
          byte[] expected = target.clone();
          System.arraycopy(source, from, expected, to, length);

          ByteCopy.copy(source, from, target, to, length);

          assertThat(target).as("length %d from %d to %d", length, from, to).isEqualTo(expected);
        }
      }
    }
  }
}
