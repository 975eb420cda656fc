package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/** Makes committables visible. Committing the same committable twice must be harmless. */
public interface Committer<CommT> extends AutoCloseable {
  void commit(Collection<CommT> committables) throws IOException, InterruptedException;

  @Override
  default void close() throws IOException {}
}
