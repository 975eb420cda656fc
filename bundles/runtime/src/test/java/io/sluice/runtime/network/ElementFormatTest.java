package io.sluice.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.typeutils.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ElementFormatTest {

  @Test
  void lengthPrefixPatchedAfterThePayloadReadsBackBigEndian() {
    DataOutputSerializer out = new DataOutputSerializer(1);
    for (int i = 0; i < 10_000; i++) {
      out.writeInt(i);
    }
    out.putInt(0, -1);

    assertThat(out.position()).isEqualTo(40_000);
    assertThat(ElementFormat.readInt(out.getSharedBuffer(), 0)).isEqualTo(-1);
    assertThat(ElementFormat.readInt(out.getSharedBuffer(), 39_996)).isEqualTo(9_999);
  }

  @Test
  void timestampsReadBackAtAnyOffset() {
    byte[] bytes = {9, 0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF};

    assertThat(ElementFormat.readLong(bytes, 1)).isEqualTo(0x0123456789ABCDEFL);
  }
}
