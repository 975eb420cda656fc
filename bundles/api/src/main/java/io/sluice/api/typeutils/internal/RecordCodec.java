package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/** Writes and reads the components of one record type; see {@link RecordCodecs}. */
interface RecordCodec {

  /** Writes every component of {@code record} in declaration order. */
  void write(Object record, DataOutputView out) throws IOException;

  /** Reads the components in declaration order and calls the canonical constructor. */
  Object read(DataInputView in) throws IOException;
}
