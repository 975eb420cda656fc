package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * A writer of a two-phase sink: after a flush it hands over what is to be committed. {@link
 * #prepareCommit} is called at every checkpoint barrier (the committables are kept in the
 * checkpoint and committed once it completes) and at the end of a bounded input (committed at
 * once); what it returns must be committable by any subtask's {@link Committer}, also after a
 * restore in a new process.
 */
public interface CommittingSinkWriter<T, CommT> extends SinkWriter<T> {
  /** Closes what was written since the last call into committables; may return none. */
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
