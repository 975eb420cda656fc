package io.sluice.api.typeutils;

import java.io.DataInput;
import java.io.IOException;

/**
 * The input serializers read from: a {@link DataInput} with the reading side of {@link
 * DataOutputView}.
 */
public interface DataInputView extends DataInput {

  /** Reads an int written by {@link DataOutputView#writeVarInt}. */
  int readVarInt() throws IOException;

  /** Reads a string written by {@link DataOutputView#writeString}. */
  String readString() throws IOException;
}
