package io.sluice.api.typeutils;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The output serializers write to: a {@link DataOutput} with a few helpers for compact encodings.
 */
public interface DataOutputView extends DataOutput {

  /**
   * Writes an int in 1 to 5 bytes (7 bits per byte, little end first); small non-negative ints are
   * short.
   */
  void writeVarInt(int value) throws IOException;

  /**
   * Writes a string as its UTF-8 length (var-int) followed by its UTF-8 bytes; unlike writeUTF, any
   * length.
   */
  void writeString(String value) throws IOException;
}
