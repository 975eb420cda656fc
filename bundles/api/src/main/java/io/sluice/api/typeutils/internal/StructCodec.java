package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/** Writes and reads the components of one record or POJO type; see {@link StructCodecs}. */
interface StructCodec {

  /** Writes every component (record component or POJO field) of {@code value}, in order. */
  void write(Object value, DataOutputView out) throws IOException;

  /** Reads the components in the same order and builds the value from them. */
  Object read(DataInputView in) throws IOException;
}
