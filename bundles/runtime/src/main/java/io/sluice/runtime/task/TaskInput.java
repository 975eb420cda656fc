package io.sluice.runtime.task;

/** Where a task's elements come from: a source reader or the network. Used on the task thread. */
interface TaskInput extends AutoCloseable {

  /** What one call to {@link #process} achieved. */
  enum Progress {
    MORE_AVAILABLE,
    NOTHING_AVAILABLE,
    END_OF_INPUT
  }

  /** Prepares the input; the mailbox wakes the task when input arrives. */
  void open(Mailbox mailbox) throws Exception;

  /** Processes a bounded amount of input (so mails run in between). */
  Progress process() throws Exception;

  @Override
  void close() throws Exception;
}
