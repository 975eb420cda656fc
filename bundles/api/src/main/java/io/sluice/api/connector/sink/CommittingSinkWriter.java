package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/** A writer of a two-phase sink: after a flush it hands over what is to be committed. */
public interface CommittingSinkWriter<T, CommT> extends SinkWriter<T> {
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
