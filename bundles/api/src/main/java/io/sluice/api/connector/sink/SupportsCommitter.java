package io.sluice.api.connector.sink;

import java.io.IOException;

/** Marks a two-phase sink; its writers must be {@link CommittingSinkWriter}s. */
public interface SupportsCommitter<CommT> {
  Committer<CommT> createCommitter() throws IOException;
}
